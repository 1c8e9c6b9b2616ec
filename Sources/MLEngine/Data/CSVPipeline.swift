import Dispatch
import Foundation

/// Runs one parse on several threads: each parses chunks, in a reused
/// ``CSVChunkSlot``; whoever finishes the next chunk in file order merges it (and
/// hashes its bytes, see ``CSVMerger``). At most `slots` chunks are in memory at
/// once, so the file itself is never held whole.
///
/// Any thread alone can finish all the work, so the parse completes even if the
/// system runs the workers one after another.
final class CSVPipeline: @unchecked Sendable {
    private let source: CSVSource
    private let settings: CSVSettings
    private let tasks: [CSVChunkTask]
    private let merger: CSVMerger
    private let condition = NSCondition()
    // State below is guarded by `condition`.
    private var nextTask = 0
    private var freeSlots: [CSVChunkSlot]
    private var finished: [Int: CSVChunkSlot] = [:]
    private var nextToMerge = 0
    private var merging = false
    private var failure: DataError?
    private var categorical: [Bool]

    init(source: CSVSource, settings: CSVSettings, tasks: [CSVChunkTask], merger: CSVMerger, slots: Int, windowCapacity: Int) {
        self.source = source
        self.settings = settings
        self.tasks = tasks
        self.merger = merger
        freeSlots = (0..<max(slots, 1)).map { _ in CSVChunkSlot(settings: settings, windowCapacity: windowCapacity) }
        categorical = merger.categorical
    }

    /// Parses and merges every chunk with `workers` threads. Throws the first error
    /// in file order.
    func run(workers: Int) throws(DataError) {
        if workers > 1 {
            DispatchQueue.concurrentPerform(iterations: workers) { _ in work() }
        } else {
            work()
        }
        if let failure { throw failure }
    }

    private func work() {
        condition.lock()
        defer { condition.unlock() }
        while failure == nil {
            if nextTask < tasks.count, let slot = freeSlots.popLast() {
                let task = tasks[nextTask]
                nextTask += 1
                let hints = categorical
                condition.unlock()
                slot.run(task, source: source, settings: settings, categorical: hints)
                condition.lock()
                finished[task.index] = slot
                mergeInOrder()
                continue
            }
            if nextToMerge == tasks.count { return }
            condition.wait()
        }
    }

    /// Merges finished chunks while the next one in file order is ready; called with
    /// the lock held, released while merging. One merger at a time.
    private func mergeInOrder() {
        guard !merging else { return }
        merging = true
        while failure == nil, let slot = finished.removeValue(forKey: nextToMerge) {
            condition.unlock()
            var error: DataError?
            do {
                try merger.merge(slot)
            } catch let mergeError {
                error = mergeError
            }
            let flags = merger.categorical
            condition.lock()
            if let error { failure = error }
            categorical = flags
            freeSlots.append(slot)
            nextToMerge += 1
            condition.broadcast()
        }
        merging = false
    }
}
