package dev.stance.encoder;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.stance.model.StatementInput;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** The real multilingual BERT through DJL's TensorFlow engine (unpacked from Maven jars on first use). */
@Tag("integration")
class MbertEncoderIntegrationTest {
    private static MbertEncoder encoder;

    private static final List<StatementInput> STATEMENTS = List.of(
            new StatementInput("«Vi er klare for samtaler i Genève neste uke», sa utenriksministeren.", "Møtet ble utsatt."),
            new StatementInput("– Dei har aldri halde ord, seier ho til NRK.", null),
            new StatementInput("\"We will not negotiate under fire,\" the minister told reporters.", "Shelling resumed overnight."),
            new StatementInput("Die Regierung sei zu Gesprächen bereit, sagte der Sprecher am Montag.", "Die Lage bleibt angespannt."));

    @BeforeAll
    static void load() {
        encoder = MbertEncoder.load(4);
    }

    @AfterAll
    static void close() {
        encoder.close();
    }

    @Test
    void tokenizerMatchesWordPieceRulesOnTheRealVocabulary() throws Exception {
        List<String> vocab = Files.readAllLines(EncoderAssets.mbertSavedModel().resolve("assets/vocab.txt"), StandardCharsets.UTF_8);
        ReferenceWordPiece ref = new ReferenceWordPiece(vocab);
        for (StatementInput s : STATEMENTS) {
            long[] expected = ref.ids(s.text()).stream().mapToLong(Integer::longValue).toArray();
            assertArrayEquals(expected, encoder.tokenize(new StatementInput(s.text(), null)).getIds(), s.text());
        }
    }

    @Test
    void outputsOneVectorPerTokenAndAPooledVector() {
        List<Encoded> out = encoder.encode(STATEMENTS);
        assertEquals(STATEMENTS.size(), out.size());
        for (int i = 0; i < out.size(); i++) {
            Encoded e = out.get(i);
            int tokens = encoder.tokenize(STATEMENTS.get(i)).getIds().length;
            assertEquals(tokens, e.tokens());
            assertEquals(768, e.dim());
            assertEquals(tokens * 768, e.sequence().length);
            assertEquals(768, e.pooled().length);
            assertEquals(STATEMENTS.get(i).context() == null ? 0 : 1, e.segments()[e.tokens() - 1]);
        }
    }

    @Test
    void encodingIsDeterministicAndIndependentOfBatching() {
        List<Encoded> a = encoder.encode(STATEMENTS);
        List<Encoded> b = encoder.encode(STATEMENTS);
        for (int i = 0; i < a.size(); i++) {
            assertArrayEquals(a.get(i).sequence(), b.get(i).sequence());
        }
        Encoded alone = encoder.encode(List.of(STATEMENTS.get(1))).get(0);
        Encoded batched = a.get(1);
        double maxDiff = 0;
        for (int k = 0; k < alone.sequence().length; k++) {
            maxDiff = Math.max(maxDiff, Math.abs(alone.sequence()[k] - batched.sequence()[k]));
        }
        assertTrue(maxDiff < 0.05, "padding changed the vectors by " + maxDiff);
    }
}
