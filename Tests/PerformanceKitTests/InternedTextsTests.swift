@testable import PerformanceKit
import Testing

@Suite("Interned texts")
struct InternedTextsTests {
    @Test func numbersEachTextOnceInTheOrderFirstAdded() {
        var texts = InternedTexts()
        #expect(texts.add("产出指标|培训人次|≥1800|20") == 0)
        #expect(texts.add("") == 1)
        #expect(texts.add("产出指标|培训人次|≥1800|20") == 0)
        #expect(texts.add("产出指标|培训人次|≥1800|2") == 2)
        #expect(texts.count == 3)
        #expect(texts.id(of: "") == 1)
        #expect(texts.id(of: "产出指标|培训人次|≥1800") == nil)
        #expect((0..<3).map(texts.text) == ["产出指标|培训人次|≥1800|20", "", "产出指标|培训人次|≥1800|2"])
    }

    /// Thousands of texts, the table of slots grown many times over: every one is found again under its number.
    @Test func findsEveryTextAfterGrowing() {
        var texts = InternedTexts()
        let all = (0..<5_000).map { "满意度指标|指标\($0)|≥\($0 % 97)%|\($0 % 7)" }
        for (number, text) in all.enumerated() { #expect(texts.add(text) == number) }
        #expect(all.indices.allSatisfy { texts.id(of: all[$0]) == $0 && texts.text($0) == all[$0] })
        #expect(texts.id(of: "满意度指标|指标5000|≥53%|2") == nil)
        #expect(texts.memoryBytes > all.reduce(0) { $0 + $1.utf8.count })
    }
}
