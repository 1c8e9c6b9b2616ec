#if canImport(Glibc)
import Glibc
#endif

/// Hints to the kernel about large arrays the reader is about to fill.
enum CSVMemoryAdvice {
    /// Arrays whose reserved storage is at least this large get the hint.
    static let threshold = 4 << 20

    /// Asks Linux to back the unused capacity of `array` with transparent huge pages:
    /// touching fresh memory 2 MB at a time instead of 4 KB costs far fewer page
    /// faults (the fault count dominates filling a large new array on some VMs).
    /// A hint only: no effect on contents, and none on other systems.
    static func preferHugePages<Element>(_ array: inout [Element]) {
        #if os(Linux)
        let bytes = array.capacity * MemoryLayout<Element>.stride
        guard bytes >= threshold else { return }
        array.withUnsafeMutableBufferPointer { buffer in
            guard let base = buffer.baseAddress else { return }
            let page = 4096
            let first = (Int(bitPattern: base) + page - 1) & ~(page - 1)
            let last = (Int(bitPattern: base) + bytes) & ~(page - 1)
            guard last > first, let start = UnsafeMutableRawPointer(bitPattern: first) else { return }
            _ = madvise(start, last - first, Int32(MADV_HUGEPAGE))
        }
        #endif
    }
}
