/// A path into an evaluation file, printed as people write it: `indicators[3].target`.
///
/// Every diagnostic and every input error carries one, so that the person who fixes the file knows which cell
/// to open.
public struct JSONPath: Sendable, Hashable, CustomStringConvertible {
    /// One step of a path: an object key or an array index.
    enum Component: Sendable, Hashable {
        case key(String)
        case index(Int)
    }

    /// The steps from the root, in order.
    var components: [Component]

    /// A path from its steps; no steps is the root.
    init(_ components: [Component] = []) {
        self.components = components
    }

    /// Reads a dotted path such as `indicators[3].target` (keys are letters, digits, `_` and `-`).
    init(parsing value: String) {
        var components: [Component] = []
        for part in value.split(separator: ".") {
            var rest = Substring(part)
            if let bracket = rest.firstIndex(of: "[") {
                let key = rest[..<bracket]
                if !key.isEmpty { components.append(.key(String(key))) }
                rest = rest[bracket...]
                while rest.first == "[", let close = rest.firstIndex(of: "]") {
                    if let index = Int(rest[rest.index(after: rest.startIndex)..<close]) {
                        components.append(.index(index))
                    }
                    rest = rest[rest.index(after: close)...]
                }
            } else if !rest.isEmpty {
                components.append(.key(String(rest)))
            }
        }
        self.components = components
    }

    /// The root of the file.
    static let root = JSONPath()

    /// This path followed by an object key.
    func appending(_ key: String) -> JSONPath {
        JSONPath(components + [.key(key)])
    }

    /// This path followed by an array index.
    func appending(_ index: Int) -> JSONPath {
        JSONPath(components + [.index(index)])
    }

    /// `indicators[index]`.
    static func indicator(_ index: Int) -> JSONPath {
        JSONPath([.key("indicators"), .index(index)])
    }

    /// The row this path is in (`indicators[3].target` → 3); `nil` for a path outside the rows.
    var indicatorIndex: Int? {
        guard components.count >= 2, components[0] == .key("indicators"), case .index(let index) = components[1] else { return nil }
        return index
    }

    /// Appends ``description``'s UTF-8 bytes.
    func appendDescription(to bytes: inout ByteBuffer) {
        if components.isEmpty {
            bytes.append("(file)")
            return
        }
        for (position, component) in components.enumerated() {
            switch component {
            case .key(let key):
                if position > 0 { bytes.append(UInt8(ascii: ".")) }
                var key = key
                key.withUTF8 { bytes.append($0) }
            case .index(let index):
                Self.appendIndex(index, to: &bytes)
            }
        }
    }

    /// What ``appendDescription(to:)`` writes for ``indicator(_:)`` (`indicators[3]`), without making the path:
    /// a result writes one for every row.
    static func appendIndicatorDescription(_ index: Int, to bytes: inout ByteBuffer) {
        bytes.append("indicators")
        appendIndex(index, to: &bytes)
    }

    /// An index component, `[3]`.
    static func appendIndex(_ index: Int, to bytes: inout ByteBuffer) {
        bytes.append(UInt8(ascii: "["))
        appendDigits(of: index, to: &bytes)
        bytes.append(UInt8(ascii: "]"))
    }

    /// Decimal digits of a non-negative index.
    static func appendDigits(of value: Int, to bytes: inout ByteBuffer) {
        if value >= 10 { appendDigits(of: value / 10, to: &bytes) }
        bytes.append(UInt8(ascii: "0") + UInt8(value % 10))
    }

    /// `indicators[3].target`; the root prints as `(file)`.
    public var description: String {
        if components.isEmpty { return "(file)" }
        var text = ""
        for component in components {
            switch component {
            case .key(let key):
                if !text.isEmpty { text += "." }
                text += key
            case .index(let index):
                text += "[\(index)]"
            }
        }
        return text
    }
}
