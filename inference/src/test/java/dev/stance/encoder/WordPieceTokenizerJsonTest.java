package dev.stance.encoder;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import ai.djl.huggingface.tokenizers.HuggingFaceTokenizer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WordPieceTokenizerJsonTest {
    private static final List<String> VOCAB = List.of("[PAD]", "[UNK]", "[CLS]", "[SEP]", "[MASK]",
            "Vi", "er", "klare", "for", "samt", "##aler", ",", "sa", "hun", ".", "«", "»", "Wir", "sind", "bereit",
            "Ge", "##spr", "##äch", "##en", "zu", "We", "are", "ready", "talk", "##s", "ø", "##ø");

    @TempDir
    Path dir;

    private long[] ids(HuggingFaceTokenizer t, String s) {
        return t.encode(s).getIds();
    }

    @Test
    void generatedTokenizerFollowsCasedWordPieceRules() throws Exception {
        Path json = dir.resolve("tokenizer.json");
        Files.writeString(json, WordPieceTokenizerJson.build(VOCAB));
        ReferenceWordPiece ref = new ReferenceWordPiece(VOCAB);
        try (HuggingFaceTokenizer t = HuggingFaceTokenizer.newInstance(json, Map.of("addSpecialTokens", "true"))) {
            for (String s : List.of("«Vi er klare for samtaler», sa hun.", "Wir sind zu Gesprächen bereit.",
                    "We are ready for talks.", "vi er KLARE", "Unknownword!")) {
                long[] expected = ref.ids(s).stream().mapToLong(Integer::longValue).toArray();
                assertArrayEquals(expected, ids(t, s), s);
            }
            // Cased: "vi" is not "Vi", so it is unknown; accents are kept, not stripped.
            assertEquals(1L, ids(t, "vi")[1]);
            assertArrayEquals(new long[] {2, 30, 31, 3}, ids(t, "øø"));
        }
    }

    @Test
    void pairsGetSegmentIdsZeroThenOne() throws Exception {
        Path json = dir.resolve("tokenizer.json");
        Files.writeString(json, WordPieceTokenizerJson.build(VOCAB));
        try (HuggingFaceTokenizer t = HuggingFaceTokenizer.newInstance(json, Map.of("addSpecialTokens", "true"))) {
            var e = t.encode("Vi er klare", "Wir sind");
            assertArrayEquals(new long[] {2, 5, 6, 7, 3, 17, 18, 3}, e.getIds());
            assertArrayEquals(new long[] {0, 0, 0, 0, 0, 1, 1, 1}, e.getTypeIds());
        }
    }

    @Test
    void rejectsAVocabularyWithoutSpecialTokens() {
        assertThrows(IllegalArgumentException.class, () -> WordPieceTokenizerJson.build(List.of("a", "b")));
    }
}
