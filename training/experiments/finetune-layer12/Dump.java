import ai.djl.engine.Engine;
import ai.djl.huggingface.tokenizers.Encoding;
import ai.djl.huggingface.tokenizers.HuggingFaceTokenizer;
import ai.djl.tensorflow.engine.SavedModelBundle;
import ai.djl.tensorflow.engine.javacpp.JavacppUtils;
import ai.djl.util.Pair;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.stance.encoder.EncoderAssets;
import dev.stance.encoder.MbertEncoder;
import java.io.*;
import java.nio.*;
import java.nio.channels.FileChannel;
import java.nio.file.*;
import java.util.*;
import org.bytedeco.javacpp.FloatPointer;
import org.bytedeco.javacpp.IntPointer;
import org.tensorflow.internal.c_api.*;
import org.tensorflow.internal.c_api.global.tensorflow;
import org.tensorflow.proto.framework.RunOptions;

/** Dumps layer-11 (input of layer 12) token vectors in fp32, labels, the layer-12 weights, and TF layer-12 outputs for parity. */
public class Dump {
  static final List<String> ST = List.of("conciliatory", "hostile", "skeptical", "neutral");
  static final List<String> OP = List.of("real", "rhetorical", "none");
  static final List<String> LANG = List.of("de", "en", "nb", "nn");
  static SavedModelBundle b;
  static RunOptions ro = RunOptions.newBuilder().build();

  static Pair<TF_Operation, Integer> op(String n) { return JavacppUtils.getGraphOperationByName(b.getGraph(), n); }

  static TF_Tensor[] run(TF_Tensor[] in, String[] inNames, String[] outNames) {
    TF_Operation[] io = new TF_Operation[inNames.length]; int[] ii = new int[inNames.length];
    for (int i = 0; i < inNames.length; i++) { var p = op(inNames[i]); io[i] = p.getKey(); ii[i] = p.getValue(); }
    TF_Operation[] oo = new TF_Operation[outNames.length]; int[] oi = new int[outNames.length];
    for (int i = 0; i < outNames.length; i++) { var p = op(outNames[i]); oo[i] = p.getKey(); oi[i] = p.getValue(); }
    return JavacppUtils.runSession(b.getSession(), ro, in, io, ii, oo, oi, new TF_Operation[0]);
  }

  static float[] floats(TF_Tensor t) {
    long n = tensorflow.TF_TensorElementCount(t); float[] f = new float[(int) n];
    new FloatPointer(tensorflow.TF_TensorData(t)).capacity(n).get(f); return f;
  }

  static void write(Path p, ByteBuffer bb) throws IOException {
    bb.flip();
    try (FileChannel ch = FileChannel.open(p, StandardOpenOption.CREATE, StandardOpenOption.TRUNCATE_EXISTING, StandardOpenOption.WRITE)) {
      while (bb.hasRemaining()) ch.write(bb);
    }
  }

  public static void main(String[] a) throws Exception {
    Path outDir = Path.of("/tmp/ft/data"); Files.createDirectories(outDir);
    Path natives = EncoderAssets.tensorflowNatives();
    System.setProperty("java.library.path", natives + ":" + System.getProperty("java.library.path", ""));
    Path sm = EncoderAssets.mbertSavedModel();
    HuggingFaceTokenizer tok = MbertEncoder.tokenizer(sm);
    Engine.getEngine("TensorFlow");
    b = JavacppUtils.loadSavedModelBundle(sm.toString(), new String[] {"serve"}, JavacppUtils.getSessionConfig(), null);

    // weights
    String[] vars = {"attention/self/query/kernel", "attention/self/query/bias", "attention/self/key/kernel", "attention/self/key/bias",
        "attention/self/value/kernel", "attention/self/value/bias", "attention/output/dense/kernel", "attention/output/dense/bias",
        "attention/output/LayerNorm/gamma", "attention/output/LayerNorm/beta", "intermediate/dense/kernel", "intermediate/dense/bias",
        "output/dense/kernel", "output/dense/bias", "output/LayerNorm/gamma", "output/LayerNorm/beta"};
    String[] names = new String[vars.length];
    for (int i = 0; i < vars.length; i++) names[i] = "module/bert/encoder/layer_11/" + vars[i] + "/Read/ReadVariableOp:0";
    TF_Tensor[] w = run(new TF_Tensor[0], new String[0], names);
    ByteBuffer wb = ByteBuffer.allocate(40 << 20).order(ByteOrder.LITTLE_ENDIAN);
    wb.putInt(vars.length);
    for (int i = 0; i < vars.length; i++) {
      int nd = tensorflow.TF_NumDims(w[i]);
      long[] dims = new long[nd]; for (int d = 0; d < nd; d++) dims[d] = tensorflow.TF_Dim(w[i], d);
      float[] f = floats(w[i]);
      System.out.println(vars[i] + " " + Arrays.toString(dims) + " type=" + tensorflow.TF_TensorType(w[i]));
      byte[] nb = vars[i].getBytes(); wb.putInt(nb.length); wb.put(nb); wb.putInt(nd);
      for (long d : dims) wb.putInt((int) d);
      wb.putInt(f.length); for (float x : f) wb.putFloat(x);
    }
    write(outDir.resolve("weights.bin"), wb);

    // data
    ObjectMapper om = new ObjectMapper();
    Map<String, List<JsonNode>> sets = new LinkedHashMap<>();
    sets.put("train", new ArrayList<>()); sets.put("dev", new ArrayList<>()); sets.put("devreal", new ArrayList<>());
    try (DirectoryStream<Path> ds = Files.newDirectoryStream(Path.of("/work/main/datasets/statements"), "*.jsonl")) {
      List<Path> files = new ArrayList<>(); ds.forEach(files::add); Collections.sort(files);
      for (Path f : files) for (String line : Files.readAllLines(f)) {
        if (line.isBlank()) continue;
        JsonNode n = om.readTree(line); String sp = n.get("split").asText();
        if (sp.equals("train") || sp.equals("dev")) sets.get(sp).add(n);
      }
    }
    for (String line : Files.readAllLines(Path.of("/work/shared/eval/dev-real.jsonl"))) if (!line.isBlank()) sets.get("devreal").add(om.readTree(line));
    String[] inN = {"input_ids:0", "input_mask:0", "segment_ids:0"};
    for (var e : sets.entrySet()) {
      long t0 = System.nanoTime();
      List<JsonNode> rows = e.getValue(); int n = rows.size();
      boolean withL12 = e.getKey().equals("devreal");
      long[][] ids = new long[n][];
      for (int i = 0; i < n; i++) { Encoding en = tok.encode(rows.get(i).get("text").asText()); ids[i] = en.getIds(); }
      Integer[] order = new Integer[n]; for (int i = 0; i < n; i++) order[i] = i;
      Arrays.sort(order, Comparator.comparingInt(i -> ids[i].length));
      float[][] l11 = new float[n][], l12 = new float[n][];
      int bs = 32;
      for (int from = 0; from < n; from += bs) {
        int to = Math.min(n, from + bs), rowsB = to - from, len = 0;
        for (int k = from; k < to; k++) len = Math.max(len, ids[order[k]].length);
        int[][] in = new int[3][rowsB * len];
        for (int r = 0; r < rowsB; r++) { long[] id = ids[order[from + r]]; for (int t = 0; t < id.length; t++) { in[0][r * len + t] = (int) id[t]; in[1][r * len + t] = 1; } }
        TF_Tensor[] ts = new TF_Tensor[3];
        for (int i = 0; i < 3; i++) { ts[i] = AbstractTF_Tensor.allocateTensor(tensorflow.TF_INT32, new long[] {rowsB, len}, 4L * rowsB * len);
          new IntPointer(tensorflow.TF_TensorData(ts[i])).capacity(in[i].length).put(in[i]); }
        String[] outs = withL12 ? new String[] {"module_apply_tokens/bert/encoder/Reshape_12:0", "module_apply_tokens/bert/encoder/Reshape_13:0"}
            : new String[] {"module_apply_tokens/bert/encoder/Reshape_12:0"};
        TF_Tensor[] o = run(ts, inN, outs);
        float[] a11 = floats(o[0]); float[] a12 = withL12 ? floats(o[1]) : null;
        for (TF_Tensor t : o) t.close(); for (TF_Tensor t : ts) t.close();
        for (int r = 0; r < rowsB; r++) { int idx = order[from + r], tl = ids[idx].length;
          l11[idx] = Arrays.copyOfRange(a11, r * len * 768, (r * len + tl) * 768);
          if (withL12) l12[idx] = Arrays.copyOfRange(a12, r * len * 768, (r * len + tl) * 768); }
      }
      long total = 0; for (float[] f : l11) total += f.length;
      ByteBuffer bb = ByteBuffer.allocate((int) (8 + 16L * n + 4 * total)).order(ByteOrder.LITTLE_ENDIAN);
      bb.putInt(n); bb.putInt(768);
      for (int i = 0; i < n; i++) { JsonNode r = rows.get(i);
        bb.putInt(ids[i].length); bb.putInt(ST.indexOf(r.get("stance").asText())); bb.putInt(OP.indexOf(r.get("openness").asText()));
        bb.putInt(LANG.indexOf(r.get("lang").asText()));
        for (float x : l11[i]) bb.putFloat(x); }
      write(outDir.resolve(e.getKey() + ".bin"), bb);
      if (withL12) { ByteBuffer b2 = ByteBuffer.allocate((int) (8 + 4L * n + 4 * total)).order(ByteOrder.LITTLE_ENDIAN);
        b2.putInt(n); b2.putInt(768); for (int i = 0; i < n; i++) { b2.putInt(ids[i].length); for (float x : l12[i]) b2.putFloat(x); }
        write(outDir.resolve(e.getKey() + "_l12.bin"), b2); }
      System.out.printf("%s: %d statements, %d tokens, %.1fs%n", e.getKey(), n, total / 768, (System.nanoTime() - t0) / 1e9);
    }
  }
}
