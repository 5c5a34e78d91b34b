import Foundation

/// Files written one by one into a folder (`-o DIR/`: a roll-up's pages, a disclosure's tables), as each is made:
/// each atomically (a temporary file renamed into place), the folder and those above it made with the first.
package final class FolderOutput {
    private let folder: String
    private let makeFolder: (String) throws -> Void
    private let writeFile: (String, [UInt8]) throws -> Void
    private let failed: (_ path: String, _ what: String, _ error: any Error) -> Void
    /// Whether the folder has been made (or found).
    private var made = false

    /// Files for `folder`, made by `makeFolder` (nothing when it exists) and written by `writeFile`; a failure is told
    /// to `failed` with the path, what the file is (`the page`) and the error.
    package init(folder: String, makeFolder: @escaping (String) throws -> Void, writeFile: @escaping (String, [UInt8]) throws -> Void,
                 failed: @escaping (_ path: String, _ what: String, _ error: any Error) -> Void) {
        self.folder = folder
        self.makeFolder = makeFolder
        self.writeFile = writeFile
        self.failed = failed
    }

    /// Writes the file `name` in the folder; `false` after telling `failed` why it could not be.
    package func write(name: String, bytes: [UInt8], what: String) -> Bool {
        let path = (folder as NSString).appendingPathComponent(name)
        do {
            if !made { try makeFolder(folder) }
            made = true
            try writeFile(path, bytes)
            return true
        } catch {
            failed(path, what, error)
            return false
        }
    }
}
