package dev.stance.corpus;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.stance.data.RecordError;
import dev.stance.data.Statement;
import dev.stance.data.StatementReader;
import dev.stance.score.AtomicOutput;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Merges labelled statements (the {@code label} app's answers, or any statement records) into a corpus file.
 *
 * <ol>
 *   <li>Validate: every line must be a statement record ({@link StatementReader#parse}); answers with
 *       {@code "status":"labelled"} (or no status) need both labels; {@code skipped} and {@code not_statement}
 *       answers are counted and left out; anything else is an error named {@code file:line}. Any error stops
 *       the merge before the target is touched.</li>
 *   <li>Deduplicate against the target (and within the input): a record whose id or normalised text is already
 *       there is left out; a near-duplicate (word-trigram Jaccard at least {@link CorpusValidator#NEAR_DUPLICATE})
 *       joins the family and split of the record it resembles, so the pair never straddles splits.</li>
 *   <li>Assign splits by family: a record's family is its {@code family}, else its {@code group} (article or
 *       page), else its id. A family the target already has keeps its split; a new family gets one from the
 *       SHA-256 of its name ({@code dev} and {@code test} shares as given), so the answer does not depend on
 *       the order of records or on earlier merges.</li>
 *   <li>Write: the target's lines unchanged, then the new records, to a temporary file renamed over the target.</li>
 * </ol>
 */
public final class CorpusMerge {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Set<String> STATUSES = Set.of("labelled", "skipped", "not_statement");

    private final double devShare;
    private final double testShare;

    /** {@code devShare} and {@code testShare}: the parts of new families that go to dev and test. */
    public CorpusMerge(double devShare, double testShare) {
        if (devShare < 0 || testShare < 0 || devShare + testShare > 1) {
            throw new IllegalArgumentException("dev and test shares must be at least 0 and sum to at most 1");
        }
        this.devShare = devShare;
        this.testShare = testShare;
    }

    /** What a merge did (or, with errors, why it did nothing). */
    public record Report(List<RecordError> errors, int read, Map<String, Integer> merged,
                         Map<String, Integer> left, List<String> notes) {
        public int mergedTotal() {
            return merged.values().stream().mapToInt(Integer::intValue).sum();
        }
    }

    /** Validates {@code labelled}, then (if valid) merges it into {@code target}, which need not exist yet. */
    public Report merge(Path labelled, Path target) throws IOException {
        List<RecordError> errors = new ArrayList<>();
        List<Statement> incoming = new ArrayList<>();
        List<String> incomingGroup = new ArrayList<>();
        List<Long> incomingLine = new ArrayList<>();
        Map<String, Integer> left = new TreeMap<>();
        int read = 0;
        List<String> lines = Files.readAllLines(labelled, StandardCharsets.UTF_8);
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            if (line.isBlank()) {
                continue;
            }
            read++;
            try {
                Statement s = StatementReader.parse(line);
                JsonNode node = JSON.readTree(line);
                String status = node.path("status").isTextual() ? node.get("status").asText() : "labelled";
                if (!STATUSES.contains(status)) {
                    throw new IllegalArgumentException("record '" + s.id() + "': status '" + status + "' is not one of " + STATUSES);
                }
                if (!status.equals("labelled")) {
                    left.merge(status, 1, Integer::sum);
                    continue;
                }
                if (s.stance() == null || s.openness() == null) {
                    throw new IllegalArgumentException("record '" + s.id() + "' is labelled but lacks "
                            + (s.stance() == null ? "stance" : "openness"));
                }
                incoming.add(s);
                incomingGroup.add(node.path("group").isTextual() ? node.get("group").asText() : null);
                incomingLine.add((long) i + 1);
            } catch (IllegalArgumentException e) {
                errors.add(new RecordError(labelled.toString(), i + 1, e.getMessage()));
            }
        }
        List<Statement> existing = List.of();
        if (Files.exists(target)) {
            StatementReader.Result r = StatementReader.read(target);
            for (RecordError e : r.errors()) {
                errors.add(new RecordError(e.file(), e.line(), "target: " + e.message()));
            }
            existing = r.statements();
        }
        if (!errors.isEmpty()) {
            return new Report(errors, read, Map.of(), left, List.of());
        }

        Map<String, Statement> byId = new HashMap<>();
        Map<String, Statement> byText = new HashMap<>();
        Map<String, String> familySplit = new HashMap<>();
        List<Statement> kept = new ArrayList<>(existing);
        List<long[]> keptShingles = new ArrayList<>();
        for (Statement s : existing) {
            byId.putIfAbsent(s.id(), s);
            byText.putIfAbsent(CorpusValidator.normalize(s.text()), s);
            keptShingles.add(NearDuplicateIndex.shingleHashes(CorpusValidator.normalize(s.text())));
            if (s.family() != null && s.split() != null) {
                familySplit.putIfAbsent(s.family(), s.split());
            }
        }
        Map<String, Integer> merged = new TreeMap<>();
        List<String> notes = new ArrayList<>();
        List<ObjectNode> out = new ArrayList<>();
        for (int k = 0; k < incoming.size(); k++) {
            Statement s = incoming.get(k);
            String where = labelled + ":" + incomingLine.get(k);
            if (byId.containsKey(s.id())) {
                left.merge("duplicate id", 1, Integer::sum);
                notes.add(where + ": left out, id '" + s.id() + "' is already in the target");
                continue;
            }
            Statement same = byText.get(CorpusValidator.normalize(s.text()));
            if (same != null) {
                left.merge("duplicate text", 1, Integer::sum);
                notes.add(where + ": left out, same text as '" + same.id() + "'");
                continue;
            }
            long[] sh = NearDuplicateIndex.shingleHashes(CorpusValidator.normalize(s.text()));
            Statement near = null;
            for (int j = 0; j < kept.size() && near == null; j++) {
                if (NearDuplicateIndex.jaccard(sh, keptShingles.get(j)) >= CorpusValidator.NEAR_DUPLICATE) {
                    near = kept.get(j);
                }
            }
            String family = s.family() != null ? s.family() : incomingGroup.get(k) != null ? incomingGroup.get(k) : s.id();
            String split;
            if (near != null) {
                family = near.family() != null ? near.family() : near.id();
                split = near.split() != null ? near.split() : splitOf(family);
                notes.add(where + ": near-duplicate of '" + near.id() + "', joins its family '" + family + "' (" + split + ")");
            } else {
                split = familySplit.computeIfAbsent(family, this::splitOf);
            }
            familySplit.putIfAbsent(family, split);
            Statement merged1 = new Statement(s.id(), s.text(), s.context(), s.speaker(), s.lang(), s.stance(),
                    s.openness(), s.source(), split, family);
            kept.add(merged1);
            keptShingles.add(sh);
            byId.put(s.id(), merged1);
            byText.put(CorpusValidator.normalize(s.text()), merged1);
            out.add(dev.stance.label.QueueFile.statementJson(merged1));
            merged.merge(split, 1, Integer::sum);
        }
        write(target, out);
        return new Report(List.of(), read, merged, left, notes);
    }

    private void write(Path target, List<ObjectNode> added) throws IOException {
        try (AtomicOutput out = AtomicOutput.toFile(target)) {
            if (Files.exists(target)) {
                for (String line : Files.readAllLines(target, StandardCharsets.UTF_8)) {
                    if (!line.isBlank()) {
                        out.writer().write(line);
                        out.writer().write('\n');
                    }
                }
            }
            for (ObjectNode o : added) {
                out.writer().write(JSON.writeValueAsString(o));
                out.writer().write('\n');
            }
            out.commit();
        }
    }

    /** The split of a new family: its SHA-256 read as a number in [0, 1) against the dev and test shares. */
    String splitOf(String family) {
        double u;
        try {
            byte[] h = MessageDigest.getInstance("SHA-256").digest(family.getBytes(StandardCharsets.UTF_8));
            u = (((h[0] & 0xFFL) << 16) | ((h[1] & 0xFFL) << 8) | (h[2] & 0xFFL)) / (double) (1 << 24);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
        return u < testShare ? "test" : u < testShare + devShare ? "dev" : "train";
    }

    /** Per-split counts as one line, for the report. */
    public static String counts(Map<String, Integer> m) {
        return m.isEmpty() ? "none" : new LinkedHashMap<>(m).toString();
    }
}
