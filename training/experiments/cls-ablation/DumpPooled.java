import dev.stance.data.*;
import dev.stance.encoder.*;
import dev.stance.model.StatementInput;
import dev.stance.model.mbert.MbertConfig;
import java.io.*;
import java.nio.*;
import java.nio.file.*;
import java.util.*;

/**
 * Writes, per record of the corpus and of ../shared/eval/dev-real.jsonl, the raw pooled vectors exp.py reads:
 * statement mean, [CLS] and (with a 4th argument) context mean, little-endian float32, plus a TSV of split,
 * language, labels, id and width. Arguments: layers, extra layer (0: none), tag, and "sep" for the
 * separate-context encoder with context weight 0.5; without it the statement is encoded alone. Goes through the
 * project's embedding cache, so the corpus is encoded once per encoder setting.
 */
public class DumpPooled {
    public static void main(String[] a) throws Exception {
        int layers = Integer.parseInt(a[0]), extra = Integer.parseInt(a[1]); boolean sep = a.length > 3; double cw = sep ? 0.5 : 0.0;
        String tag = a[2];
        MbertConfig mc = new MbertConfig(MbertConfig.encoderId(layers, extra, sep, cw), cw, 16, false, layers, sep, extra, true);
        List<Path> corpus = new ArrayList<>();
        try (var s = Files.newDirectoryStream(Paths.get("/work/main/datasets/statements"), "*.jsonl")) { s.forEach(corpus::add); }
        Collections.sort(corpus);
        List<Statement> all = StatementReader.readAll(corpus);
        List<Statement> real = StatementReader.readAll(List.of(Paths.get("/work/shared/eval/dev-real.jsonl")));
        try (EmbeddingCache cache = new EmbeddingCache(EmbeddingCache.defaultDir(), mc.encoder(), mc::openEncoder)) {
            write(tag + "_corpus", all, cache);
            write(tag + "_real", real, cache);
        }
    }
    static void write(String name, List<Statement> data, EmbeddingCache cache) throws IOException {
        List<Encoded> enc = cache.encode(data.stream().map(s -> new StatementInput(s.text(), s.context())).toList(), 256, System.err);
        try (var out = new DataOutputStream(new BufferedOutputStream(Files.newOutputStream(Paths.get(name + ".f32")))); var meta = new PrintWriter(name + ".tsv")) {
            for (int i = 0; i < data.size(); i++) {
                float[] p = Pooling.meanStatementContextCls(enc.get(i));
                int d = enc.get(i).dim();
                ByteBuffer b = ByteBuffer.allocate(12 * d).order(ByteOrder.LITTLE_ENDIAN);
                for (int j = 0; j < d; j++) b.putFloat(p[j]);
                for (int j = 0; j < d; j++) b.putFloat(p[2 * d + j]); for (int j = 0; j < d; j++) b.putFloat(p[d + j]);
                out.write(b.array());
                Statement s = data.get(i);
                meta.println(s.split() + "\t" + s.lang() + "\t" + s.stance() + "\t" + s.openness() + "\t" + s.family() + "\t" + d);
            }
        }
    }
}
