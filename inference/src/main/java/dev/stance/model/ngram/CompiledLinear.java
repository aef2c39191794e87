package dev.stance.model.ngram;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.tribuo.ImmutableFeatureMap;
import org.tribuo.ImmutableOutputInfo;
import org.tribuo.Model;
import org.tribuo.classification.Label;
import org.tribuo.common.sgd.AbstractLinearSGDModel;
import org.tribuo.math.la.DenseMatrix;

/**
 * A Tribuo linear model's weights laid out for scoring: feature name → one weight per label (canonical
 * order), plus Tribuo's own bias column. Scoring a statement is then one hash lookup per feature, with no
 * Example, SparseVector or sorting in between; Tribuo's {@code predict} does the same arithmetic (W·x + b), and
 * a test checks the two agree.
 */
final class CompiledLinear {
    private final Map<String, double[]> weights;
    private final double[] bias;
    private final int k;

    private CompiledLinear(Map<String, double[]> weights, double[] bias) {
        this.weights = weights;
        this.bias = bias;
        this.k = bias.length;
    }

    /** Compiles a Tribuo linear SGD model; {@code labels} fixes the order of the returned scores. */
    static CompiledLinear of(Model<Label> model, List<String> labels) {
        if (!(model instanceof AbstractLinearSGDModel<Label> linear)) {
            throw new IllegalArgumentException("not a Tribuo linear SGD model: " + model.getClass().getName());
        }
        DenseMatrix w = linear.getWeightsCopy();
        ImmutableOutputInfo<Label> outputs = model.getOutputIDInfo();
        ImmutableFeatureMap features = model.getFeatureIDMap();
        // A label the training data never had gets no weights and a bias of -infinity: probability zero.
        int[] row = new int[labels.size()];
        for (int j = 0; j < labels.size(); j++) {
            row[j] = outputs.getID(new Label(labels.get(j)));
        }
        Map<String, double[]> byName = new HashMap<>(features.size() * 2);
        for (var info : features) {
            int id = features.getID(info.getName());
            double[] v = new double[labels.size()];
            for (int j = 0; j < v.length; j++) {
                v[j] = row[j] < 0 ? 0 : w.get(row[j], id);
            }
            byName.put(info.getName(), v);
        }
        int biasColumn = w.getDimension2Size() - 1;
        double[] bias = new double[labels.size()];
        for (int j = 0; j < bias.length; j++) {
            bias[j] = row[j] < 0 ? Double.NEGATIVE_INFINITY : w.get(row[j], biasColumn);
        }
        return new CompiledLinear(byName, bias);
    }

    /** Raw scores (logits for logistic regression, margins for the SVM), one per label in canonical order. */
    double[] scores(List<String> names, double[] values) {
        double[] s = bias.clone();
        for (int i = 0; i < names.size(); i++) {
            double[] w = weights.get(names.get(i));
            if (w != null) {
                double v = values[i];
                for (int j = 0; j < k; j++) {
                    s[j] += w[j] * v;
                }
            }
        }
        return s;
    }
}
