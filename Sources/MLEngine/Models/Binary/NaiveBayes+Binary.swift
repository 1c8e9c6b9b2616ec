extension NaiveBayes: BinaryModelPart {
    /// The task, the input count, the log priors (count and doubles), the numeric columns
    /// (count and varints), their means and variances (count and doubles each), epsilon, the
    /// categorical columns and their category counts (count and varints each), and the log
    /// probabilities (count and doubles).
    func write(to writer: inout ModelBinaryWriter) {
        task.write(to: &writer)
        writer.count(inputCount)
        writer.doubles(logPriors)
        writer.integers(numericColumns)
        writer.doubles(means)
        writer.doubles(variances)
        writer.double(epsilon)
        writer.integers(categoricalColumns)
        writer.integers(categoryCounts)
        writer.doubles(logProbabilities)
    }

    /// Reads the layout of ``write(to:)`` and checks that every table fits the classes and
    /// columns, so prediction cannot index out of range.
    init(reading reader: inout ModelBinaryReader) throws(ModelError) {
        let task = try LearningTask(reading: &reader)
        let inputCount = try reader.count()
        let logPriors = try reader.doubles()
        let numericColumns = try reader.integers()
        let means = try reader.doubles()
        let variances = try reader.doubles()
        let epsilon = try reader.double()
        let categoricalColumns = try reader.integers()
        let categoryCounts = try reader.integers()
        let logProbabilities = try reader.doubles()
        let classes = task.classCount
        let inRange = { (column: Int) in column >= 0 && column < inputCount }
        let perClass = try ModelBinaryReader.product(classes, numericColumns.count)
        guard task.isClassification, logPriors.count == classes, numericColumns.allSatisfy(inRange),
              categoricalColumns.allSatisfy(inRange), means.count == perClass, variances.count == perClass,
              categoryCounts.count == categoricalColumns.count, categoryCounts.allSatisfy({ $0 >= 0 && $0 <= logProbabilities.count })
        else { throw ModelBinaryReader.damaged("the naive Bayes tables do not fit its classes and columns") }
        let categoryTotal = categoryCounts.reduce(0) { $0 &+ $1 }
        guard categoryTotal >= 0, logProbabilities.count == (try ModelBinaryReader.product(classes, categoryTotal)) else {
            throw ModelBinaryReader.damaged("the naive Bayes category tables do not fit its classes")
        }
        self.init(
            task: task, inputCount: inputCount, logPriors: logPriors, numericColumns: numericColumns, means: means,
            variances: variances, epsilon: epsilon, categoricalColumns: categoricalColumns,
            categoryCounts: categoryCounts, logProbabilities: logProbabilities)
    }
}
