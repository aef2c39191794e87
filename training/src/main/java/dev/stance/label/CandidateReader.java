package dev.stance.label;

import com.fasterxml.jackson.databind.JsonNode;
import dev.stance.data.RecordError;
import dev.stance.data.Statement;
import dev.stance.data.StatementReader;
import dev.stance.encoder.Encoded;
import dev.stance.encoder.TextEncoder;
import dev.stance.model.EncoderHeadModel;
import dev.stance.model.StanceModel;
import dev.stance.model.StatementInput;
import dev.stance.model.StatementPrediction;
import dev.stance.model.ensemble.EnsembleModel;
import dev.stance.score.Article;
import dev.stance.score.ArticleScorer;
import dev.stance.score.ArticleSource;
import dev.stance.score.ScoredSentence;
import dev.stance.statements.StatementKind;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Turns {@code suggest}'s inputs into scored candidates. Three kinds of input:
 * <ul>
 *   <li>{@code score} output ({@code .jsonl} lines with {@code article} and {@code kind}): its statements
 *       ({@code direct} or {@code reported}), each with the sentence before it in its article as context;</li>
 *   <li>statement records ({@code .jsonl} lines with {@code id} and {@code text}; labels are ignored): every
 *       record, grouped by its {@code url}, else its {@code source} unless that is {@code written}, else its id;</li>
 *   <li>articles ({@code .txt}, {@code .md}, {@code .html}, or folders of them): segmented and attributed as
 *       {@code score} does; only statements are kept.</li>
 * </ul>
 * Every candidate is scored by the given model (a {@code score} file only supplies sentences, so a queue always
 * reflects the model named on the command line). Narration is never a candidate.
 */
public final class CandidateReader {
    private static final int BATCH = 256;

    private final List<Candidate> candidates = new ArrayList<>();
    private final List<RecordError> errors = new ArrayList<>();
    private final Set<String> ids = new HashSet<>();

    /** The candidates read so far, in input order. */
    public List<Candidate> candidates() {
        return candidates;
    }

    /** Lines or articles that could not be read (file:line and why). */
    public List<RecordError> errors() {
        return errors;
    }

    /** Reads every input and scores what it found with {@code model}. */
    public static CandidateReader read(List<String> inputs, StanceModel model) throws IOException {
        CandidateReader r = new CandidateReader();
        List<Statement> pending = new ArrayList<>();
        List<String> groups = new ArrayList<>();
        List<String> articleInputs = new ArrayList<>();
        for (String in : inputs) {
            Path p = Path.of(in);
            if (in.toLowerCase(Locale.ROOT).endsWith(".jsonl") && Files.isRegularFile(p)) {
                r.readJsonl(p, pending, groups);
            } else {
                articleInputs.add(in);
            }
        }
        List<StatementPrediction> preds = predict(model, pending);
        for (int i = 0; i < pending.size(); i++) {
            r.candidates.add(new Candidate(pending.get(i), groups.get(i), preds.get(i)));
        }
        if (!articleInputs.isEmpty()) {
            r.readArticles(articleInputs, model);
        }
        return r;
    }

    /** The model's predictions for {@code statements}, in batches. */
    public static List<StatementPrediction> predict(StanceModel model, List<Statement> statements) {
        List<StatementPrediction> out = new ArrayList<>(statements.size());
        for (int from = 0; from < statements.size(); from += BATCH) {
            out.addAll(model.predict(inputs(statements.subList(from, Math.min(statements.size(), from + BATCH)))));
        }
        return out;
    }

    private static List<StatementInput> inputs(List<Statement> statements) {
        return statements.stream().map(s -> new StatementInput(s.text(), s.context())).toList();
    }

    /**
     * Sentence vectors for k-center greedy: the mean of the statement's token vectors from the model's encoder
     * (the first encoder head of an ensemble). Null when the model has no encoder (the n-gram family).
     */
    public static List<float[]> vectors(StanceModel model, List<Candidate> candidates) {
        TextEncoder encoder = encoderOf(model);
        if (encoder == null) {
            return null;
        }
        List<float[]> out = new ArrayList<>(candidates.size());
        List<Statement> statements = candidates.stream().map(Candidate::statement).toList();
        for (int from = 0; from < statements.size(); from += BATCH) {
            for (Encoded e : encoder.encode(inputs(statements.subList(from, Math.min(statements.size(), from + BATCH))))) {
                float[] pooled = dev.stance.encoder.Pooling.meanStatementContextCls(e);
                out.add(java.util.Arrays.copyOf(pooled, e.dim()));
            }
        }
        return out;
    }

    private static TextEncoder encoderOf(StanceModel model) {
        if (model instanceof EncoderHeadModel head) {
            return head.encoder();
        }
        if (model instanceof EnsembleModel ensemble) {
            for (StanceModel m : ensemble.members()) {
                TextEncoder e = encoderOf(m);
                if (e != null) {
                    return e;
                }
            }
        }
        return null;
    }

    private void readJsonl(Path file, List<Statement> pending, List<String> groups) throws IOException {
        // score output: sentences by article and index, so each statement finds the sentence before it
        Map<String, Map<Integer, JsonNode>> articles = new LinkedHashMap<>();
        Map<String, Long> firstLine = new LinkedHashMap<>();
        try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            String line;
            long n = 0;
            while ((line = in.readLine()) != null) {
                n++;
                if (line.isBlank()) {
                    continue;
                }
                JsonNode node;
                try {
                    node = QueueFile.JSON.readTree(line);
                } catch (IOException e) {
                    errors.add(new RecordError(file.toString(), n, "not valid JSON"));
                    continue;
                }
                if (node == null || !node.isObject() || node.has("stance_complete")) {
                    continue;
                }
                if (node.has("article")) {
                    if (node.has("error")) {
                        errors.add(new RecordError(file.toString(), n, "article " + node.get("article").asText()
                                + " failed when scored: " + node.get("error").asText()));
                    } else if (node.path("text").isTextual() && node.path("index").isInt()) {
                        String article = node.get("article").asText();
                        articles.computeIfAbsent(article, a -> new LinkedHashMap<>()).put(node.get("index").asInt(), node);
                        firstLine.putIfAbsent(article, n);
                    } else {
                        errors.add(new RecordError(file.toString(), n, "score line without text or index"));
                    }
                    continue;
                }
                try {
                    Statement s = StatementReader.parse(line);
                    if (!ids.add(s.id())) {
                        errors.add(new RecordError(file.toString(), n, "duplicate id '" + s.id() + "'"));
                        continue;
                    }
                    pending.add(new Statement(s.id(), s.text(), s.context(), s.speaker(), s.lang(), null, null,
                            s.source(), null, s.family()));
                    String url = node.path("url").isTextual() ? node.get("url").asText() : null;
                    String source = "written".equals(s.source()) ? null : s.source();
                    groups.add(url != null ? url : source != null ? source : s.id());
                } catch (IllegalArgumentException e) {
                    errors.add(new RecordError(file.toString(), n, e.getMessage()));
                }
            }
        }
        for (Map.Entry<String, Map<Integer, JsonNode>> a : articles.entrySet()) {
            for (JsonNode node : a.getValue().values()) {
                if (StatementKind.NARRATION.key().equals(node.path("kind").asText())) {
                    continue;
                }
                int index = node.get("index").asInt();
                JsonNode before = a.getValue().get(index - 1);
                addSentence(a.getKey(), index, node.get("text").asText(), before == null ? null : before.get("text").asText(),
                        node.path("speaker").isTextual() ? node.get("speaker").asText() : null,
                        node.path("lang").isTextual() ? node.get("lang").asText() : null, pending, groups);
            }
        }
    }

    private void addSentence(String article, int index, String text, String context, String speaker, String lang,
                             List<Statement> pending, List<String> groups) {
        String id = article + "#" + index;
        if (ids.add(id)) {
            pending.add(new Statement(id, text, context, speaker, lang, null, null, article, null, null));
            groups.add(article);
        }
    }

    private void readArticles(List<String> inputs, StanceModel model) {
        ArticleScorer scorer = new ArticleScorer(model, false);
        for (Article a : new ArticleSource(inputs, System.in)) {
            if (a.failed()) {
                errors.add(new RecordError(a.id(), 0, a.error()));
                continue;
            }
            List<ScoredSentence> sentences = scorer.score(a);
            for (int i = 0; i < sentences.size(); i++) {
                ScoredSentence s = sentences.get(i);
                if (s.kind() == StatementKind.NARRATION || !ids.add(s.article() + "#" + s.index())) {
                    continue;
                }
                Statement st = new Statement(s.article() + "#" + s.index(), s.text(),
                        i == 0 ? null : sentences.get(i - 1).text(), s.speaker(), s.lang(), null, null, s.article(),
                        null, null);
                candidates.add(new Candidate(st, s.article(), s.prediction()));
            }
        }
    }
}
