/// Texts numbered in the order they are first added, each kept once, all in one buffer of bytes.
///
/// What the copy check (``CopiedBlocks``) keeps of every table linted before: many short texts (rows of
/// `category|name|target|points`, about 50 bytes), most of them added once and looked up many times. A
/// `[String: …]` spends a heap block, a string and a slot on each, about 100 bytes beyond the text; here a text costs
/// its bytes and 20 more (where it ends, its hash, two slots of the table).
///
/// A lookup hashes the bytes (``NotationCache/hash(_:_:)``) into an open-addressing table of ids (probed one slot
/// after another, never more than half full) and compares the bytes of each id found with the same hash, so that two
/// texts are the same id exactly when their bytes are the same.
struct InternedTexts {
    /// The texts' bytes, one after another.
    private var bytes: [UInt8] = []
    /// Where each text ends in `bytes` (it starts where the one before ends).
    private var ends: [Int] = []
    /// Each text's hash, its low 32 bits: compared before the bytes are, and used again when the table grows.
    private var hashes: [UInt32] = []
    /// The ids by hash; -1 for an empty slot. A power of two long, at most half full.
    private var slots = [Int32](repeating: -1, count: 16)

    /// How many distinct texts were added.
    var count: Int { ends.count }

    /// The memory the texts take, the arrays' capacity counted.
    var memoryBytes: Int {
        bytes.capacity + ends.capacity * MemoryLayout<Int>.stride + hashes.capacity * 4 + slots.capacity * 4
    }

    /// The id of `text`, or `nil` when it was never added.
    func id(of text: String) -> Int? {
        var text = text
        return text.withUTF8 { id(of: $0) }
    }

    /// The id of these bytes, or `nil` when they were never added.
    func id(of key: UnsafeBufferPointer<UInt8>) -> Int? {
        let hash = Self.hash(key)
        return find(key, hash: hash).id
    }

    /// The id of `text`, added first when it is new.
    mutating func add(_ text: String) -> Int {
        var text = text
        return text.withUTF8 { add($0) }
    }

    /// The id of these bytes, added first when they are new.
    mutating func add(_ key: UnsafeBufferPointer<UInt8>) -> Int {
        let hash = Self.hash(key)
        let (found, slot) = find(key, hash: hash)
        if let found { return found }
        let id = ends.count
        bytes.append(contentsOf: key)
        ends.append(bytes.count)
        hashes.append(hash)
        slots[slot] = Int32(truncatingIfNeeded: id)
        if ends.count * 2 > slots.count { grow() }
        return id
    }

    /// The text of `id`.
    func text(_ id: Int) -> String {
        let start = id == 0 ? 0 : ends[id - 1]
        return bytes.withUnsafeBufferPointer { String(decoding: UnsafeBufferPointer(rebasing: $0[start..<ends[id]]), as: UTF8.self) }
    }

    /// The id holding `key`, or the empty slot where it would go.
    private func find(_ key: UnsafeBufferPointer<UInt8>, hash: UInt32) -> (id: Int?, slot: Int) {
        let mask = slots.count - 1
        var slot = Int(hash) & mask
        return bytes.withUnsafeBufferPointer { stored in
            while true {
                let id = Int(slots[slot])
                if id < 0 { return (nil, slot) }
                if hashes[id] == hash {
                    let start = id == 0 ? 0 : ends[id - 1]
                    if ends[id] - start == key.count,
                       memcmpEqual(stored.baseAddress.map { $0 + start }, key.baseAddress, key.count) {
                        return (id, slot)
                    }
                }
                slot = (slot + 1) & mask
            }
        }
    }

    /// Twice the slots, each id placed again by its hash.
    private mutating func grow() {
        slots = [Int32](repeating: -1, count: slots.count * 2)
        let mask = slots.count - 1
        for (id, hash) in hashes.enumerated() {
            var slot = Int(hash) & mask
            while slots[slot] >= 0 { slot = (slot + 1) & mask }
            slots[slot] = Int32(truncatingIfNeeded: id)
        }
    }

    private static func hash(_ key: UnsafeBufferPointer<UInt8>) -> UInt32 {
        guard let base = key.baseAddress, key.count > 0 else { return 0 }
        return UInt32(truncatingIfNeeded: NotationCache.hash(base, key.count))
    }
}
