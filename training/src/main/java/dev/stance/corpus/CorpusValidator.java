package dev.stance.corpus;

import dev.stance.data.RecordError;
import dev.stance.data.Statement;
import dev.stance.data.StatementReader;
import dev.stance.lang.LanguageIdentifier;
import it.unimi.dsi.fastutil.bytes.ByteArrayList;
import it.unimi.dsi.fastutil.longs.Long2IntOpenHashMap;
import it.unimi.dsi.fastutil.longs.LongArrayList;
import it.unimi.dsi.fastutil.objects.Object2ByteOpenHashMap;
import it.unimi.dsi.fastutil.objects.Object2IntOpenHashMap;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Consumer;
import org.apache.commons.codec.digest.MurmurHash3;

/**
 * Checks corpus files: schema and label sets (via {@link StatementReader}), duplicate ids, exact duplicate
 * texts, near-duplicate texts across splits (leakage), paraphrase families split across splits, missing
 * labels, and the {@code lang} field against the detected language.
 *
 * <p>Files are streamed: each record is checked as it is read and its findings are handed over at once, and
 * what is kept of it is a few hundred bytes (its id, location, split, a 64-bit hash of its normalised text, and
 * its entry in the near-duplicate index: shingle hashes and band keys), never its text, context or shingle
 * strings, so memory grows far more slowly than the corpus. Near-duplicates (shingle Jaccard at or above {@value #NEAR_DUPLICATE}) are
 * looked up in a MinHash/LSH index ({@link NearDuplicateIndex}) rather than compared pair by pair.
 */
public final class CorpusValidator {
    /** Shingle Jaccard at or above this is a near-duplicate. */
    public static final double NEAR_DUPLICATE = 0.6;
    /** Texts longer than this are suspicious for one statement. */
    public static final int LONG_TEXT = 700;

    /** Below this relative confidence (the detected language scores 1.0) the declared language is wrong. */
    public static final double IMPLAUSIBLE = 0.8;

    private static final Set<String> SCANDINAVIAN = Set.of("nb", "nn", "da", "sv");
    private static final List<String> SPLITS = List.of("train", "dev", "test");

    private final boolean checkLanguage;

    public CorpusValidator(boolean checkLanguage) {
        this.checkLanguage = checkLanguage;
    }

    /** Told how far validation has got: records read and bytes read, over all files so far. */
    public interface Progress {
        /** Ignores every update. */
        Progress NONE = (records, bytes) -> { };

        void update(long records, long bytes);
    }

    /** Every finding of {@code files}, in the order they are found. */
    public List<Finding> validate(List<Path> files) {
        List<Finding> out = new ArrayList<>();
        validate(files, out::add, Progress.NONE);
        return out;
    }

    /**
     * Checks {@code files} in order, handing each finding to {@code out} as soon as it is found (a record's
     * findings when it is read, a near-duplicate when its later record is read).
     */
    public void validate(List<Path> files, Consumer<Finding> out, Progress progress) {
        Run run = new Run(out);
        long done = 0;
        for (Path f : files) {
            long before = done;
            StatementReader.forEach(f, line -> {
                if (line.error() != null) {
                    RecordError e = line.error();
                    out.accept(new Finding(Finding.Severity.ERROR, e.file(), e.line(), e.message()));
                } else {
                    run.check(line.statement(), line.location());
                }
                progress.update(run.records(), before + line.bytesRead());
            });
            done = before + size(f);
        }
    }

    /** What one validation keeps of the records read so far: fixed-size facts per record, no texts. */
    private final class Run {
        private final Consumer<Finding> out;
        private final List<String> ids = new ArrayList<>();
        /** Where each record is: index into {@code files} in the high bits, line in the low 40. */
        private final LongArrayList where = new LongArrayList();
        private final List<String> files = new ArrayList<>();
        private final Object2IntOpenHashMap<String> idIndex = new Object2IntOpenHashMap<>();
        private final Long2IntOpenHashMap textIndex = new Long2IntOpenHashMap();
        private final ByteArrayList splits = new ByteArrayList();
        private final Object2ByteOpenHashMap<String> familySplit = new Object2ByteOpenHashMap<>();
        private final NearDuplicateIndex near = new NearDuplicateIndex(NEAR_DUPLICATE, SPLITS.size());

        Run(Consumer<Finding> out) {
            this.out = out;
            idIndex.defaultReturnValue(-1);
            familySplit.defaultReturnValue((byte) -1);
            textIndex.defaultReturnValue(-1);
        }

        int records() {
            return ids.size();
        }

        void check(Statement s, StatementReader.Location at) {
            int i = ids.size();
            int prev = idIndex.putIfAbsent(s.id(), i);
            String id = prev >= 0 ? ids.get(prev) : s.id(); // one copy of each distinct id
            ids.add(id);
            if (files.isEmpty() || !files.get(files.size() - 1).equals(at.file())) {
                files.add(at.file());
            }
            where.add((long) (files.size() - 1) << 40 | at.line());
            splits.add((byte) SPLITS.indexOf(s.split()));
            if (prev >= 0) {
                out.accept(error(at, "duplicate id '" + s.id() + "' (first at " + location(prev) + ")"));
            }
            String normalized = normalize(s.text());
            int prevText = textIndex.putIfAbsent(MurmurHash3.hash128x64(normalized.getBytes(StandardCharsets.UTF_8))[0], i);
            if (prevText >= 0) {
                out.accept(error(at, "same text as " + ids.get(prevText) + " at " + location(prevText)));
            }
            if (s.stance() == null || s.openness() == null) {
                out.accept(warning(at, "record '" + s.id() + "' lacks a label for "
                        + (s.stance() == null ? "stance" : "openness")));
            }
            if (s.split() == null) {
                out.accept(warning(at, "record '" + s.id() + "' has no split"));
            }
            if (s.text().length() > LONG_TEXT) {
                out.accept(warning(at, "record '" + s.id() + "' is long (" + s.text().length() + " chars)"));
            }
            if (s.family() != null && s.split() != null) {
                byte other = familySplit.putIfAbsent(s.family(), (byte) SPLITS.indexOf(s.split()));
                if (other >= 0 && !SPLITS.get(other).equals(s.split())) {
                    out.accept(error(at, "family '" + s.family() + "' is in both " + SPLITS.get(other) + " and "
                            + s.split() + " (leakage)"));
                }
            }
            if (checkLanguage && s.lang() != null) {
                checkLanguage(s, at);
            }
            if (s.split() != null) {
                for (NearDuplicateIndex.Match m : near.addAndFind(normalized, SPLITS.indexOf(s.split()), i)) {
                    out.accept(error(at, String.format(Locale.ROOT,
                            "'%s' (%s) nearly duplicates '%s' (%s) at %s: shingle Jaccard %.2f (leakage across splits)",
                            s.id(), s.split(), ids.get(m.record()), splitOf(m.record()), location(m.record()), m.jaccard())));
                }
            }
        }

        /** file:line of an earlier record. */
        private String location(int record) {
            long w = where.getLong(record);
            return files.get((int) (w >>> 40)) + ":" + (w & ((1L << 40) - 1));
        }

        private String splitOf(int record) {
            return SPLITS.get(splits.getByte(record));
        }

        private void checkLanguage(Statement s, StatementReader.Location at) {
            String detected = LanguageIdentifier.get().detect(s.text());
            if (!detected.equals(s.lang()) && !detected.equals(LanguageIdentifier.UNDETERMINED)) {
                // Foreign names can tip the detector ("Sigurðardóttir" reads Swedish); only a declared
                // language the detector finds implausible is an error, a close call is a warning.
                boolean close = SCANDINAVIAN.contains(detected) && SCANDINAVIAN.contains(s.lang());
                double declared = LanguageIdentifier.get().confidence(s.text(), s.lang());
                String msg = String.format(Locale.ROOT, "record '%s' has lang %s but reads as %s"
                        + " (confidence in %s: %.2f)", s.id(), s.lang(), detected, s.lang(), declared);
                boolean implausible = !close && declared < IMPLAUSIBLE;
                out.accept(implausible ? error(at, msg) : warning(at, msg));
            }
        }
    }

    private static long size(Path f) {
        try {
            return Files.size(f);
        } catch (IOException e) {
            return 0; // the reader has reported the file as unreadable
        }
    }

    /** Lower-cased letters and digits, single spaces between runs: the text two records compare by. */
    public static String normalize(String text) {
        return text.toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}\\p{Nd}]+", " ").strip();
    }

    private static Finding error(StatementReader.Location l, String msg) {
        return new Finding(Finding.Severity.ERROR, l.file(), l.line(), msg);
    }

    private static Finding warning(StatementReader.Location l, String msg) {
        return new Finding(Finding.Severity.WARNING, l.file(), l.line(), msg);
    }
}
