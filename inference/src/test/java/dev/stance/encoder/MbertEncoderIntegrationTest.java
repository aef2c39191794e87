package dev.stance.encoder;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.inference.Predictor;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.repository.zoo.Criteria;
import ai.djl.repository.zoo.ZooModel;
import ai.djl.translate.NoopTranslator;

import dev.stance.model.StatementInput;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.Arrays;
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
    void outputsOneVectorPerToken() {
        List<Encoded> out = encoder.encode(STATEMENTS);
        assertEquals(STATEMENTS.size(), out.size());
        for (int i = 0; i < out.size(); i++) {
            Encoded e = out.get(i);
            int tokens = encoder.tokenize(STATEMENTS.get(i)).getIds().length;
            assertEquals(tokens, e.tokens());
            assertEquals(768, e.dim());
            assertEquals(tokens * 768, e.sequence().length);
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

    @Test
    void fullDepthEqualsTheServingSignaturesSequenceOutput() throws Exception {
        // The encoder runs the session itself; DJL's Criteria/Predictor runs the SavedModel's signature.
        List<StatementInput> batch = STATEMENTS.subList(0, 1);
        Encoded mine = encoder.encode(batch).get(0);
        long[] ids = encoder.tokenize(batch.get(0)).getIds();
        long[] types = encoder.tokenize(batch.get(0)).getTypeIds();
        int[][] in = new int[3][ids.length];
        for (int t = 0; t < ids.length; t++) {
            in[0][t] = (int) ids[t];
            in[1][t] = 1;
            in[2][t] = (int) types[t];
        }
        Criteria<NDList, NDList> criteria = Criteria.builder().setTypes(NDList.class, NDList.class)
                .optModelPath(EncoderAssets.mbertSavedModel()).optEngine("TensorFlow")
                .optTranslator(new NoopTranslator()).build();
        try (ZooModel<NDList, NDList> model = criteria.loadModel();
             Predictor<NDList, NDList> p = model.newPredictor();
             NDManager m = NDManager.newBaseManager("TensorFlow")) {
            NDList out = p.predict(new NDList(m.create(new int[][] {in[0]}), m.create(new int[][] {in[1]}),
                    m.create(new int[][] {in[2]})));
            NDArray sequence = out.stream().filter(a -> a.getShape().dimension() == 3).findFirst().orElseThrow();
            float[] reference = sequence.toFloatArray();
            assertEquals(reference.length, mine.sequence().length);
            for (int k = 0; k < reference.length; k++) {
                assertEquals(Encoded.bf16(reference[k]), mine.sequence()[k], 0.01 * Math.max(1, Math.abs(reference[k])));
            }
        }
    }

    @Test
    void truncatedEncoderStopsAtTheNamedLayerAndHasItsOwnId() {
        List<StatementInput> batch = STATEMENTS.subList(2, 4);
        try (MbertEncoder six = MbertEncoder.load(4, 6);
             MbertEncoder byName = MbertEncoder.load(4, 6, 0,
                     List.of("module_apply_tokens/bert/encoder/layer_5/output/LayerNorm/batchnorm/add_1:0"))) {
            assertEquals(MbertEncoder.ID + "/layers6", six.id());
            List<Encoded> a = six.encode(batch);
            List<Encoded> b = byName.encode(batch);
            List<Encoded> full = encoder.encode(batch);
            for (int i = 0; i < batch.size(); i++) {
                assertArrayEquals(b.get(i).sequence(), a.get(i).sequence());
                assertFalse(Arrays.equals(full.get(i).sequence(), a.get(i).sequence()), "layer 6 is not layer 12");
            }
        }
        assertThrows(IllegalArgumentException.class, () -> MbertEncoder.id(13));
    }

    @Test
    void extraLayerIsAppendedToEachTokenVectorFromTheSameRun() {
        List<StatementInput> batch = STATEMENTS.subList(0, 2);
        try (MbertEncoder first = MbertEncoder.load(4, 1);
             MbertEncoder both = MbertEncoder.load(4, 12, 1)) {
            assertEquals(MbertEncoder.ID + "/plus-layer1", both.id());
            assertEquals(2 * 768, both.dim());
            List<Encoded> last = encoder.encode(batch);
            List<Encoded> low = first.encode(batch);
            List<Encoded> joined = both.encode(batch);
            for (int i = 0; i < batch.size(); i++) {
                Encoded e = joined.get(i);
                assertEquals(last.get(i).tokens(), e.tokens());
                for (int t = 0; t < e.tokens(); t++) {
                    assertArrayEquals(Arrays.copyOfRange(last.get(i).sequence(), t * 768, (t + 1) * 768),
                            Arrays.copyOfRange(e.sequence(), t * 1536, t * 1536 + 768));
                    assertArrayEquals(Arrays.copyOfRange(low.get(i).sequence(), t * 768, (t + 1) * 768),
                            Arrays.copyOfRange(e.sequence(), t * 1536 + 768, (t + 1) * 1536));
                }
            }
        }
        assertThrows(IllegalArgumentException.class, () -> MbertEncoder.id(3, 3));
    }
}
