import Foundation

/// Refuses an output path (`-o`) that names one of the inputs, before anything is read or written: `tool -o
/// eval.json eval.json` would otherwise put the report where the user's table was.
///
/// Two paths name the same file when they reach the same device and inode (through any spelling, `./`, `..` or a
/// link); a path that does not exist yet cannot be an input, except through a directory given as input, whose
/// evaluation files are compared one by one.
package struct OutputGuard {
    /// The device and inode of an existing path (links followed), or `nil`.
    package var identity: (String) -> FileIdentity?
    /// The files a directory input expands to, or `nil` when the path is not a directory.
    package var listDirectory: (String) -> [String]?

    package struct FileIdentity: Equatable {
        package var device: UInt64
        package var inode: UInt64
    }

    package init(identity: @escaping (String) -> FileIdentity?, listDirectory: @escaping (String) -> [String]?) {
        self.identity = identity
        self.listDirectory = listDirectory
    }

    /// The real file system.
    package static func identityOnDisk(_ path: String) -> FileIdentity? {
        guard let status = FileAccess.status(path) else { return nil }
        return FileIdentity(device: UInt64(status.st_dev), inode: UInt64(status.st_ino))
    }

    /// The input the output path names, or `nil` when it names none.
    package func inputNamed(by output: String, inputs: [String]) -> String? {
        guard let target = identity(output) else { return nil }
        for input in inputs where input != "-" {
            if identity(input) == target { return input }
            for file in listDirectory(input) ?? [] where identity(file) == target {
                return file
            }
        }
        return nil
    }

    /// Why `-o output` cannot be used, naming the input it would be written over, or `nil` when it names none.
    package func refusal(output: String, inputs: [String]) -> String? {
        guard let input = inputNamed(by: output, inputs: inputs) else { return nil }
        return "-o \(output) names the input \(input): the report would be written over it; choose another path (nothing was read or written)"
    }
}
