#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#elseif canImport(Musl)
import Musl
#endif

/// How a command-line process is set up before it does anything: what it does with a signal, how its memory
/// allocator behaves.
package enum ProcessSetup {
    /// Sets the process up: a write beyond the file-size limit fails with EFBIG, reported, instead of killing the
    /// process midway (SIGXFSZ ignored); an interrupt removes the report being written (``AtomicFile/removedOnInterrupt()``);
    /// freed memory is kept for reuse (``keepFreedMemoryForReuse()``).
    package static func forCommandLine() {
        signal(SIGXFSZ, SIG_IGN)
        AtomicFile.removedOnInterrupt()
        keepFreedMemoryForReuse()
    }

    /// Asks glibc's allocator to serve blocks of up to 32 MiB from its heap and to keep up to 256 MiB freed there,
    /// rather than mapping each large block afresh and unmapping it when freed (its defaults: from 128 KiB, and
    /// trimming above 128 KiB free).
    ///
    /// A batch frees and allocates the same few megabytes over and over: a piece of the input, a run's results.
    /// With the defaults every one of them came from new pages, 57,000 page faults on 100,000 evaluations; kept, they
    /// are about 3,000, and a batch takes 3–6 % less time (farm-bench, 7 pairs), at about the same peak memory.
    /// glibc's `mallopt` is looked up at run time (Swift's Glibc module leaves out `malloc.h`); elsewhere nothing is
    /// done.
    package static func keepFreedMemoryForReuse() {
        #if canImport(Glibc)
        typealias MallocOption = @convention(c) (Int32, Int32) -> Int32
        guard let symbol = dlsym(UnsafeMutableRawPointer(bitPattern: 0), "mallopt") else { return }
        let mallopt = unsafeBitCast(symbol, to: MallocOption.self)
        // The option numbers of glibc's malloc.h: M_TRIM_THRESHOLD -1, M_MMAP_THRESHOLD -3.
        _ = mallopt(-3, 32 << 20)
        _ = mallopt(-1, 256 << 20)
        #endif
    }
}
