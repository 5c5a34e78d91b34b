/// A command line that cannot be used, naming the token at fault.
package struct UsageError: Error, Equatable, CustomStringConvertible {
    package var message: String

    package init(_ message: String) {
        self.message = message
    }

    package var description: String {
        message
    }
}

/// Splits a command line into options and operands as a table of names says: `--name value`, `--name=value`,
/// flags, `--` (every argument after it is an operand) and `-` (standard input, an operand). It knows no option's
/// meaning: the program reads each value, in the order given, and says what is wrong with it.
package struct ArgumentScanner: Sendable {
    /// Every spelling accepted, to the long name it stands for (`-f` → `--format`; a long name to itself).
    package var names: [String: String]
    /// The long names that take a value.
    package var valued: Set<String>
    /// Spellings that stand for their long name with a value (`--json` for `--format json`).
    package var presets: [String: String] = [:]
    /// Spellings that end the scan where they stand (`--help`, `--version`): what follows them is not read.
    package var stops: Set<String> = []
    /// The values a long name takes, when they are few (`--color`: `auto`, `always`, `never`); another is refused.
    package var choices: [String: [String]] = [:]

    package init(names: [String: String], valued: Set<String>, presets: [String: String] = [:], stops: Set<String> = [],
                 choices: [String: [String]] = [:]) {
        self.names = names
        self.valued = valued
        self.presets = presets
        self.stops = stops
        self.choices = choices
    }

    /// One option as given: the long name it stands for, how the user spelt it, and its value.
    package struct Option: Equatable, Sendable {
        package var name: String
        package var spelled: String
        package var value: String?
    }

    /// A scanned command line: the options in the order given, the operands, and the stop it ended at.
    package struct Scanned: Equatable, Sendable {
        package var options: [Option] = []
        package var operands: [String] = []
        /// The long name of the stop the scan ended at (`--help`), or `nil`.
        package var stop: String?
    }

    /// Scans the arguments (without the program's name or subcommand).
    package func scan(_ arguments: [String]) throws(UsageError) -> Scanned {
        var scanned = Scanned()
        var index = 0
        var onlyOperands = false
        while index < arguments.count {
            let argument = arguments[index]
            index += 1
            if onlyOperands || argument == "-" || !argument.hasPrefix("-") {
                scanned.operands.append(argument)
                continue
            }
            if argument == "--" {
                onlyOperands = true
                continue
            }
            var spelled = argument
            var inline: String?
            if argument.hasPrefix("--"), let equals = argument.firstIndex(of: "=") {
                spelled = String(argument[..<equals])
                inline = String(argument[argument.index(after: equals)...])
            }
            guard let name = names[spelled] else { throw UsageError("unknown option \(argument)") }
            if stops.contains(spelled) {
                scanned.stop = name
                return scanned
            }
            var value = presets[spelled]
            if value == nil, valued.contains(name) {
                if inline == nil {
                    guard index < arguments.count else { throw UsageError("\(spelled) needs a value") }
                    inline = arguments[index]
                    index += 1
                }
                value = inline
            } else if inline != nil {
                throw UsageError("\(spelled) takes no value, found \"\(argument)\"")
            }
            if let allowed = choices[name], let value, !allowed.contains(value) {
                let list = allowed.count > 1 ? allowed.dropLast().joined(separator: ", ") + " or " + allowed[allowed.count - 1] : allowed.joined()
                throw UsageError("\(name): expected \(list), found \"\(value)\"")
            }
            scanned.options.append(Option(name: name, spelled: spelled, value: value))
        }
        return scanned
    }
}
