package ft;

import ai.djl.engine.Engine;
import ai.djl.ndarray.*;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.GradientCollector;
import java.io.IOException;
import java.nio.*;
import java.nio.channels.FileChannel;
import java.nio.file.*;
import java.util.*;

/** BERT layer 12 (+ mean-pool head) in DJL 0.35.1 / PyTorch 2.7.1, on dumped layer-11 vectors. */
public class FT {
  static final int D = 768, H = 12, HD = 64, NS = 4, NO = 3;
  static final String DATA = "/tmp/ft/data/";
  static final String[] LANG = {"de", "en", "nb", "nn"};

  static final class Set {
    String name; int n; int[] len, st, op, lang; float[][] x;
  }

  static ByteBuffer map(String f) throws IOException {
    try (FileChannel ch = FileChannel.open(Path.of(DATA + f))) {
      return ch.map(FileChannel.MapMode.READ_ONLY, 0, ch.size()).order(ByteOrder.LITTLE_ENDIAN);
    }
  }

  static Set load(String name) throws IOException {
    ByteBuffer b = map(name + ".bin");
    Set s = new Set(); s.name = name; s.n = b.getInt(); b.getInt();
    s.len = new int[s.n]; s.st = new int[s.n]; s.op = new int[s.n]; s.lang = new int[s.n]; s.x = new float[s.n][];
    for (int i = 0; i < s.n; i++) {
      s.len[i] = b.getInt(); s.st[i] = b.getInt(); s.op[i] = b.getInt(); s.lang[i] = b.getInt();
      s.x[i] = new float[s.len[i] * D]; b.asFloatBuffer().get(s.x[i]); b.position(b.position() + 4 * s.x[i].length);
    }
    return s;
  }

  NDManager base;
  Map<String, NDArray> w = new LinkedHashMap<>();
  NDArray hsW, hsB, hoW, hoB;
  boolean trainLayer;
  Random rnd;

  void loadWeights() throws IOException {
    ByteBuffer b = map("weights.bin");
    int n = b.getInt();
    for (int i = 0; i < n; i++) {
      byte[] nb = new byte[b.getInt()]; b.get(nb); int nd = b.getInt(); long[] dims = new long[nd];
      for (int d = 0; d < nd; d++) dims[d] = b.getInt();
      float[] f = new float[b.getInt()]; b.asFloatBuffer().get(f); b.position(b.position() + 4 * f.length);
      NDArray a = base.create(f, new Shape(dims)); w.put(new String(nb), a);
    }
  }

  NDArray W(String k) { return w.get(k); }

  NDArray initHead(int out) {
    float[] f = new float[D * out];
    for (int i = 0; i < f.length; i++) f[i] = (float) (rnd.nextGaussian() * 0.02);
    return base.create(f, new Shape(D, out));
  }

  static NDArray layerNorm(NDArray x, NDArray g, NDArray b) {
    NDArray mean = x.mean(new int[] {-1}, true);
    NDArray c = x.sub(mean);
    NDArray var = c.square().mean(new int[] {-1}, true);
    return c.div(var.add(1e-12f).sqrt()).mul(g).add(b);
  }

  static NDArray dropout(NDArray x, float p) {
    NDArray keep = x.getManager().randomUniform(0f, 1f, x.getShape()).gte(p).toType(DataType.FLOAT32, false);
    return x.mul(keep).div(1f - p);
  }

  static final boolean TANH = Boolean.getBoolean("gelu.tanh");
  static NDArray gelu(NDArray x) { // BERT's erf form (or tanh approximation with -Dgelu.tanh=true)
    if (TANH) return x.mul(0.5f).mul(x.add(x.pow(3).mul(0.044715f)).mul((float) Math.sqrt(2 / Math.PI)).tanh().add(1f));
    return x.mul(0.5f).mul(x.div((float) Math.sqrt(2.0)).erf().add(1f));
  }

  /** x (B,L,D), mask (B,L) float 1/0 -> (B,L,D). */
  NDArray layer(NDArray x, NDArray mask, boolean train) {
    long B = x.getShape().get(0), L = x.getShape().get(1);
    String p = "attention/self/";
    NDArray q = x.matMul(W(p + "query/kernel")).add(W(p + "query/bias")).reshape(B, L, H, HD).transpose(0, 2, 1, 3);
    NDArray k = x.matMul(W(p + "key/kernel")).add(W(p + "key/bias")).reshape(B, L, H, HD).transpose(0, 2, 3, 1);
    NDArray v = x.matMul(W(p + "value/kernel")).add(W(p + "value/bias")).reshape(B, L, H, HD).transpose(0, 2, 1, 3);
    NDArray bias = mask.neg().add(1f).mul(-10000f).reshape(B, 1, 1, L);
    NDArray probs = q.matMul(k).mul(1f / 8f).add(bias).softmax(-1);
    if (train) probs = dropout(probs, 0.1f);
    NDArray ctx = probs.matMul(v).transpose(0, 2, 1, 3).reshape(B, L, D);
    NDArray a = ctx.matMul(W("attention/output/dense/kernel")).add(W("attention/output/dense/bias"));
    if (train) a = dropout(a, 0.1f);
    NDArray att = layerNorm(a.add(x), W("attention/output/LayerNorm/gamma"), W("attention/output/LayerNorm/beta"));
    NDArray inter = gelu(att.matMul(W("intermediate/dense/kernel")).add(W("intermediate/dense/bias")));
    NDArray o = inter.matMul(W("output/dense/kernel")).add(W("output/dense/bias"));
    if (train) o = dropout(o, 0.1f);
    return layerNorm(o.add(att), W("output/LayerNorm/gamma"), W("output/LayerNorm/beta"));
  }

  static NDArray pool(NDArray y, NDArray mask) {
    NDArray m = mask.expandDims(2);
    return y.mul(m).sum(new int[] {1}).div(mask.sum(new int[] {1}, true));
  }

  NDList batch(NDManager m, Set s, int[] idx, boolean bf16) {
    int L = 0; for (int i : idx) L = Math.max(L, s.len[i]);
    float[] x = new float[idx.length * L * D], mk = new float[idx.length * L];
    for (int r = 0; r < idx.length; r++) {
      int i = idx[r]; System.arraycopy(s.x[i], 0, x, r * L * D, s.len[i] * D);
      if (bf16) for (int j = r * L * D; j < r * L * D + s.len[i] * D; j++) x[j] = bf16(x[j]);
      for (int t = 0; t < s.len[i]; t++) mk[r * L + t] = 1f;
    }
    return new NDList(m.create(x, new Shape(idx.length, L, D)), m.create(mk, new Shape(idx.length, L)));
  }

  static float bf16(float v) { int bits = Float.floatToIntBits(v); return Float.intBitsToFloat((bits + 0x7FFF + ((bits >>> 16) & 1)) & 0xFFFF0000); }

  /** Batches sorted by length (evaluation). */
  static List<int[]> sortedBatches(Set s, int bs) {
    Integer[] o = new Integer[s.n]; for (int i = 0; i < s.n; i++) o[i] = i;
    Arrays.sort(o, Comparator.comparingInt(i -> s.len[i]));
    List<int[]> out = new ArrayList<>();
    for (int f = 0; f < s.n; f += bs) { int t = Math.min(s.n, f + bs); int[] b = new int[t - f]; for (int j = f; j < t; j++) b[j - f] = o[j]; out.add(b); }
    return out;
  }

  /** Shuffled, bucketed: chunks of 50 batches sorted by length, then batch order shuffled. */
  List<int[]> trainBatches(Set s, int bs) {
    List<Integer> all = new ArrayList<>(); for (int i = 0; i < s.n; i++) all.add(i);
    Collections.shuffle(all, rnd);
    List<int[]> out = new ArrayList<>();
    int chunk = bs * 50;
    for (int c = 0; c < s.n; c += chunk) {
      List<Integer> part = new ArrayList<>(all.subList(c, Math.min(s.n, c + chunk)));
      part.sort(Comparator.comparingInt(i -> s.len[i]));
      for (int f = 0; f < part.size(); f += bs) out.add(part.subList(f, Math.min(part.size(), f + bs)).stream().mapToInt(Integer::intValue).toArray());
    }
    Collections.shuffle(out, rnd);
    return out;
  }

  // ---------------- metrics
  static double macroF1(int[] gold, int[] pred, int k, int[] sel) {
    int[] tp = new int[k], fp = new int[k], fn = new int[k]; boolean[] seen = new boolean[k];
    for (int i : sel) { seen[gold[i]] = true; seen[pred[i]] = true; if (gold[i] == pred[i]) tp[gold[i]]++; else { fp[pred[i]]++; fn[gold[i]]++; } }
    double sum = 0; int c = 0;
    for (int j = 0; j < k; j++) if (seen[j]) { c++; double d = 2.0 * tp[j] + fp[j] + fn[j]; sum += d == 0 ? 0 : 2.0 * tp[j] / d; }
    return c == 0 ? 0 : sum / c;
  }

  static String report(Set s, int[] ps, int[] po, boolean perLang) {
    int[] all = new int[s.n]; for (int i = 0; i < s.n; i++) all[i] = i;
    double f1s = macroF1(s.st, ps, NS, all), f1o = macroF1(s.op, po, NO, all);
    StringBuilder sb = new StringBuilder(String.format("%s stance=%.3f open=%.3f mean=%.3f", s.name, f1s, f1o, (f1s + f1o) / 2));
    if (perLang) for (int l = 0; l < LANG.length; l++) {
      final int ll = l; int[] sel = Arrays.stream(all).filter(i -> s.lang[i] == ll).toArray();
      if (sel.length > 0) sb.append(String.format(" | %s(n=%d) st=%.3f op=%.3f", LANG[l], sel.length, macroF1(s.st, ps, NS, sel), macroF1(s.op, po, NO, sel)));
    }
    return sb.toString();
  }

  static double meanF1(Set s, int[] ps, int[] po) {
    int[] all = new int[s.n]; for (int i = 0; i < s.n; i++) all[i] = i;
    return (macroF1(s.st, ps, NS, all) + macroF1(s.op, po, NO, all)) / 2;
  }

  // ---------------- training
  static float[] classWeights(int[] y, int k) {
    float[] c = new float[k]; for (int v : y) c[v]++;
    float[] wt = new float[k]; for (int j = 0; j < k; j++) wt[j] = c[j] == 0 ? 0 : y.length / (k * c[j]);
    return wt;
  }

  NDArray ce(NDArray logits, int[] y, float[] cw) {
    NDManager m = logits.getManager(); int B = y.length, k = cw.length;
    float[] oh = new float[B * k]; float wsum = 0;
    for (int i = 0; i < B; i++) { oh[i * k + y[i]] = cw[y[i]]; wsum += cw[y[i]]; }
    return logits.logSoftmax(-1).mul(m.create(oh, new Shape(B, k))).sum().neg().div(wsum);
  }

  final Map<NDArray, NDArray[]> adam = new HashMap<>();
  int step = 0;

  void adamStep(List<NDArray> params, float lr) {
    float b1 = 0.9f, b2 = 0.999f, eps = 1e-8f;
    try (NDScope sc = new NDScope()) {
      for (NDArray p : params) {
        NDArray g = p.getGradient();
        NDArray[] mv = adam.computeIfAbsent(p, q -> { NDArray a = base.zeros(q.getShape()), b = base.zeros(q.getShape()); NDScope.unregister(a, b); return new NDArray[] {a, b}; });
        mv[0].muli(b1).addi(g.mul(1 - b1));
        mv[1].muli(b2).addi(g.square().mul(1 - b2));
        double c1 = 1 - Math.pow(b1, step), c2 = 1 - Math.pow(b2, step);
        p.subi(mv[0].div(c1).div(mv[1].div(c2).sqrt().add(eps)).mul(lr));
        g.subi(g); // zero the gradient
      }
    }
  }

  int[][] predictFromPooled(NDArray pooled) {
    NDArray ls = pooled.matMul(hsW).add(hsB), lo = pooled.matMul(hoW).add(hoB);
    long[] a = ls.argMax(-1).toLongArray(), b = lo.argMax(-1).toLongArray();
    int[][] r = new int[2][a.length];
    for (int i = 0; i < a.length; i++) { r[0][i] = (int) a[i]; r[1][i] = (int) b[i]; }
    return r;
  }

  /** Pooled layer-12 output of a set, in the set's order (eval mode). */
  float[][] pooledAll(Set s) {
    float[][] out = new float[s.n][];
    for (int[] b : sortedBatches(s, 32)) {
      try (NDScope sc = new NDScope(); NDManager m = base.newSubManager()) {
        NDList in = batch(m, s, b, false);
        float[] p = pool(layer(in.get(0), in.get(1), false), in.get(1)).toFloatArray();
        for (int r = 0; r < b.length; r++) out[b[r]] = Arrays.copyOfRange(p, r * D, (r + 1) * D);
      }
    }
    return out;
  }

  int[][] predict(Set s) {
    int[][] r = new int[2][s.n];
    for (int[] b : sortedBatches(s, 32)) {
      try (NDScope sc = new NDScope(); NDManager m = base.newSubManager()) {
        NDList in = batch(m, s, b, false);
        int[][] p = predictFromPooled(pool(layer(in.get(0), in.get(1), false), in.get(1)));
        for (int j = 0; j < b.length; j++) { r[0][b[j]] = p[0][j]; r[1][b[j]] = p[1][j]; }
      }
    }
    return r;
  }

  int[][] predictPooled(float[][] feats) {
    try (NDScope sc = new NDScope(); NDManager m = base.newSubManager()) {
      float[] f = new float[feats.length * D]; for (int i = 0; i < feats.length; i++) System.arraycopy(feats[i], 0, f, i * D, D);
      return predictFromPooled(m.create(f, new Shape(feats.length, D)));
    }
  }

  public static void main(String[] args) throws Exception {
    String mode = args[0];
    Engine eng = Engine.getEngine("PyTorch");
    System.out.println("engine " + eng.getEngineName() + " " + eng.getVersion() + " threads=" + System.getProperty("ai.djl.pytorch.num_threads"));
    int seed = args.length > 3 ? Integer.parseInt(args[3]) : 42;
    eng.setRandomSeed(seed);
    FT ft = new FT(); ft.rnd = new Random(seed); ft.base = NDManager.newBaseManager();
    System.out.println("args " + String.join(" ", args) + " seed=" + seed);
    ft.loadWeights();
    if (mode.equals("parity")) { ft.parity(); return; }
    long t0 = System.nanoTime();
    Set tr = load("train"), dev = load("dev"), dr = load("devreal");
    System.out.printf("loaded train=%d dev=%d devreal=%d in %.1fs%n", tr.n, dev.n, dr.n, (System.nanoTime() - t0) / 1e9);
    ft.hsW = ft.initHead(NS); ft.hsB = ft.base.zeros(new Shape(NS)); ft.hoW = ft.initHead(NO); ft.hoB = ft.base.zeros(new Shape(NO));
    int epochs = Integer.parseInt(args[1]);
    float layerLr = args.length > 2 ? Float.parseFloat(args[2]) : 0f;
    ft.train(mode.equals("finetune"), tr, dev, dr, epochs, layerLr);
  }

  void parity() throws IOException {
    Set s = load("devreal");
    ByteBuffer b = map("devreal_l12.bin"); int n = b.getInt(); b.getInt();
    float[][] ref = new float[n][];
    for (int i = 0; i < n; i++) { int l = b.getInt(); ref[i] = new float[l * D]; b.asFloatBuffer().get(ref[i]); b.position(b.position() + 4 * ref[i].length); }
    for (boolean bf : new boolean[] {false, true}) {
      double maxErr = 0, sumErr = 0; long cnt = 0; double maxRef = 0;
      for (int[] bt : sortedBatches(s, 16)) {
        try (NDScope sc = new NDScope(); NDManager m = base.newSubManager()) {
          NDList in = batch(m, s, bt, bf);
          long L = in.get(0).getShape().get(1);
          float[] y = layer(in.get(0), in.get(1), false).toFloatArray();
          for (int r = 0; r < bt.length; r++) { int i = bt[r];
            for (int t = 0; t < s.len[i]; t++) for (int j = 0; j < D; j++) {
              double e = Math.abs(y[(int) ((r * L + t) * D + j)] - ref[i][t * D + j]);
              maxErr = Math.max(maxErr, e); sumErr += e; cnt++; maxRef = Math.max(maxRef, Math.abs(ref[i][t * D + j]));
            } }
        }
      }
      System.out.printf("parity (%s layer-11 inputs): max abs err %.3e, mean abs err %.3e over %d values (max |ref| %.2f), padded batches of 16%n",
          bf ? "bf16-rounded" : "fp32", maxErr, sumErr / cnt, cnt, maxRef);
    }
  }

  void train(boolean fine, Set tr, Set dev, Set dr, int epochs, float layerLr) {
    trainLayer = fine;
    float[] cwS = classWeights(tr.st, NS), cwO = classWeights(tr.op, NO);
    List<NDArray> head = List.of(hsW, hsB, hoW, hoB);
    List<NDArray> layerP = new ArrayList<>(w.values());
    for (NDArray p : head) p.setRequiresGradient(true);
    if (fine) for (NDArray p : layerP) p.setRequiresGradient(true);
    float[][] ptr = null, pdev = null, pdr = null;
    if (!fine) {
      long t = System.nanoTime();
      ptr = pooledAll(tr); pdev = pooledAll(dev); pdr = pooledAll(dr);
      System.out.printf("frozen: pooled layer-12 features for all sets in %.1fs (train %.1fs est.)%n", (System.nanoTime() - t) / 1e9, 0.0);
    }
    int bs = 16; int stepsPerEpoch = (tr.n + bs - 1) / bs; int total = stepsPerEpoch * epochs, warm = total / 10;
    double best = -1; int bestEp = -1; String bestLine = "";
    for (int ep = 1; ep <= epochs; ep++) {
      long t = System.nanoTime(); double lossSum = 0; int nb = 0;
      for (int[] b : trainBatches(tr, bs)) {
        step++;
        try (NDScope sc = new NDScope(); NDManager m = base.newSubManager()) {
          int[] ys = new int[b.length], yo = new int[b.length];
          for (int j = 0; j < b.length; j++) { ys[j] = tr.st[b[j]]; yo[j] = tr.op[b[j]]; }
          NDArray pooled;
          try (GradientCollector gc = Engine.getInstance().newGradientCollector()) {
            if (fine) {
              NDList in = batch(m, tr, b, false);
              pooled = pool(layer(in.get(0), in.get(1), true), in.get(1));
            } else {
              float[] f = new float[b.length * D]; for (int j = 0; j < b.length; j++) System.arraycopy(ptr[b[j]], 0, f, j * D, D);
              pooled = m.create(f, new Shape(b.length, D));
            }
            pooled = dropout(pooled, 0.1f);
            NDArray loss = ce(pooled.matMul(hsW).add(hsB), ys, cwS).add(ce(pooled.matMul(hoW).add(hoB), yo, cwO));
            gc.backward(loss);
            lossSum += loss.getFloat(); nb++;
          }
        }
        adamStep(head, 1e-3f);
        if (fine) {
          float sched = step <= warm ? (float) step / warm : (float) (total - step) / (total - warm);
          adamStep(layerP, layerLr * Math.max(sched, 0f));
        }
      }
      double trainSec = (System.nanoTime() - t) / 1e9;
      long te = System.nanoTime();
      int[][] pd = fine ? predict(dev) : predictPooled(pdev);
      int[][] pr = fine ? predict(dr) : predictPooled(pdr);
      double evalSec = (System.nanoTime() - te) / 1e9;
      double md = meanF1(dev, pd[0], pd[1]);
      String tag = System.getProperty("pred.tag");
      if (tag != null) try {
        java.nio.file.Files.createDirectories(Path.of("/tmp/ft/preds"));
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < dr.n; i++) sb.append(i).append(' ').append(dr.lang[i]).append(' ').append(dr.st[i]).append(' ').append(pr[0][i]).append(' ').append(dr.op[i]).append(' ').append(pr[1][i]).append('\n');
        java.nio.file.Files.writeString(Path.of("/tmp/ft/preds/" + tag + "_devreal_ep" + ep + ".txt"), sb.toString());
        sb.setLength(0);
        for (int i = 0; i < dev.n; i++) sb.append(i).append(' ').append(dev.lang[i]).append(' ').append(dev.st[i]).append(' ').append(pd[0][i]).append(' ').append(dev.op[i]).append(' ').append(pd[1][i]).append('\n');
        java.nio.file.Files.writeString(Path.of("/tmp/ft/preds/" + tag + "_dev_ep" + ep + ".txt"), sb.toString());
      } catch (IOException e) { throw new java.io.UncheckedIOException(e); }
      String line = String.format("%s ep %d loss %.4f train %.1fs eval %.1fs || %s || %s", fine ? "FINETUNE" : "FROZEN", ep, lossSum / nb, trainSec, evalSec,
          report(dev, pd[0], pd[1], true), report(dr, pr[0], pr[1], true));
      System.out.println(line);
      if (md > best) { best = md; bestEp = ep; bestLine = line; }
    }
    System.out.println("SELECTED by corpus dev mean macro-F1: epoch " + bestEp + "\n" + bestLine);
  }
}
