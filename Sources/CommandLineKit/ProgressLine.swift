import Foundation

/// A progress line on standard error for long work (`--jsonl`, `summary` over many files), redrawn in place at most
/// five times a second: what is done, the rate, and the time left when the total is known. It is shown only when
/// standard error is a terminal, so that logs and pipes never receive it.
package final class ProgressLine {
    /// Writes to standard error.
    private let write: (String) -> Void
    /// What is counted: `lines`, `files`.
    private let unit: String
    /// The total of the measure the time left is reckoned from (bytes of the input, or files); `nil` when unknown.
    package var total: Int?
    private let clock = ContinuousClock()
    private let start: ContinuousClock.Instant
    private var lastDrawn: ContinuousClock.Instant
    private var drawn = false

    package init(unit: String, total: Int?, write: @escaping (String) -> Void) {
        self.unit = unit
        self.total = total
        self.write = write
        start = clock.now
        lastDrawn = start
    }

    /// Redraws the line when a fifth of a second has passed since the last time.
    ///
    /// - Parameters:
    ///   - done: how many lines or files are done.
    ///   - measured: how far through ``total`` the work is (bytes read, files done).
    package func update(done: Int, measured: Int) {
        let now = clock.now
        guard now - lastDrawn >= .milliseconds(200) else { return }
        lastDrawn = now
        write("\r\u{1B}[K" + text(done: done, measured: measured, elapsed: Self.seconds(now - start)))
        drawn = true
    }

    /// The line: `12,000 lines · 18,900/s · 3 s left`.
    package func text(done: Int, measured: Int, elapsed: Double) -> String {
        var text = "\(Self.grouped(done)) \(unit)"
        if elapsed > 0 { text += " · \(Self.grouped(Int(Double(done) / elapsed)))/s" }
        if let total, measured > 0, total > measured {
            let left = elapsed * Double(total - measured) / Double(measured)
            text += " · \(Int(left.rounded(.up))) s left"
        }
        return text
    }

    /// A count with thousands separated by commas, whatever the locale: `12,000`.
    package static func grouped(_ value: Int) -> String {
        let digits = String(value)
        var out = ""
        for (position, digit) in digits.enumerated() {
            if position > 0, (digits.count - position) % 3 == 0 { out += "," }
            out.append(digit)
        }
        return out
    }

    /// Clears the line, so that what is printed next starts on a clean line.
    package func finish() {
        if drawn { write("\r\u{1B}[K") }
        drawn = false
    }

    package static func seconds(_ duration: Duration) -> Double {
        let (seconds, attoseconds) = duration.components
        return Double(seconds) + Double(attoseconds) / 1e18
    }
}
