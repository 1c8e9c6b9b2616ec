import MLEngine
import Testing
@testable import NotebookRunner

@Suite struct DatasetSnapshotTests {
    func snapshot(_ csv: String) throws -> DatasetSnapshot {
        let loaded = try CSVReader.parse(bytes: Array(csv.utf8), displayName: "d.csv", options: CSVOptions())
        return DatasetSnapshot(path: "d.csv", fingerprint: loaded.fingerprint, frame: loaded.frame)
    }

    @Test func describesAddedRowsAndMovedMeans() throws {
        let old = try snapshot("age,job\n30,a\n40,b\n")
        let new = try snapshot("age,job\n30,a\n40,b\n50,c\n")
        #expect(new.changes(since: old, run: 3) == "data changed since run 3: 1 row added, column `age` mean 35 → 40")
    }

    @Test func sameContentIsNoChange() throws {
        let old = try snapshot("age\n1\n2\n")
        #expect(try snapshot("age\n1\n2\n").changes(since: old, run: 1) == nil)
    }

    @Test func schemaChangesAreNamed() throws {
        let old = try snapshot("age\n1\n2\n")
        let new = try snapshot("age,job\n1,a\n")
        #expect(new.changes(since: old, run: 2) == "data changed since run 2: 1 row removed, columns or types changed, column `age` mean 1.5 → 1")
    }
}
