package dev.stance.score;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * What an earlier {@code --out} JSON Lines file already holds, for {@code --resume}. A complete file ends with
 * the marker {@code {"stance_complete":true,"lines":N}}, N counting the lines before it; a file without it, or
 * with a wrong count, is half-written or damaged and is refused rather than guessed at. Sentence lines are
 * kept and their articles (id and SHA-256 of the text) count as done; error lines are dropped so those
 * articles are tried again, and so are the old lines of an article whose text changed.
 *
 * <p>Lines are matched to inputs by id and text hash together, never by id alone: a kept line survives when
 * this run met its article unchanged ({@link #isDone} said so), or when this run wrote nothing under its id
 * (the article is not among this run's inputs). So a line of an input still present is never dropped, even
 * if another input shares its id.
 */
public record ResumeState(List<Kept> kept, Set<String> done, Set<String> reused) {
    /** A sentence line of the earlier run, the article it belongs to and that article's text hash. */
    public record Kept(String article, String sha256, String line) {
    }

    private static final ObjectMapper JSON = new ObjectMapper();
    public static final String MARKER_FIELD = "stance_complete";

    /** The marker line for a file of {@code lines} lines before it. */
    public static String marker(long lines) {
        return "{\"" + MARKER_FIELD + "\":true,\"lines\":" + lines + "}";
    }

    public static ResumeState empty() {
        return new ResumeState(List.of(), Set.of(), new HashSet<>());
    }

    /** Reads {@code target}; a missing file means nothing is done yet. */
    public static ResumeState load(Path target) throws IOException {
        if (!Files.exists(target)) {
            return empty();
        }
        List<String> lines = new ArrayList<>();
        String last = null;
        try (BufferedReader r = Files.newBufferedReader(target, StandardCharsets.UTF_8)) {
            String line;
            while ((line = r.readLine()) != null) {
                if (last != null) {
                    lines.add(last);
                }
                last = line;
            }
        }
        JsonNode marker = parse(last);
        if (marker == null || !marker.path(MARKER_FIELD).asBoolean() || marker.path("lines").asLong(-1) != lines.size()) {
            throw new IllegalArgumentException(target + " has no valid completion marker (half-written or not a"
                    + " stance output); delete it or score without --resume");
        }
        List<Kept> kept = new ArrayList<>();
        Set<String> done = new HashSet<>();
        for (String l : lines) {
            JsonNode n = parse(l);
            if (n != null && n.hasNonNull("article_sha256")) {
                kept.add(new Kept(n.get("article").asText(), n.get("article_sha256").asText(), l));
                done.add(key(n.get("article").asText(), n.get("article_sha256").asText()));
            }
        }
        return new ResumeState(kept, done, new HashSet<>());
    }

    /** True when the earlier run scored this very article (id and text); its kept lines are then reused. */
    public boolean isDone(Article a) {
        if (done.isEmpty()) {
            return false;
        }
        String key = key(a.id(), ArticleScorer.sha256(a.text()));
        if (done.contains(key)) {
            reused.add(key);
            return true;
        }
        return false;
    }

    /**
     * Whether a kept line goes into the new file: its article was met unchanged in this run, or this run
     * wrote nothing under its id ({@code rewritten} holds the ids this run wrote lines or errors for).
     */
    public boolean keeps(Kept k, Set<String> rewritten) {
        return reused.contains(key(k.article(), k.sha256())) || !rewritten.contains(k.article());
    }

    private static String key(String id, String sha) {
        return sha + ' ' + id;
    }

    private static JsonNode parse(String line) {
        if (line == null || line.isBlank()) {
            return null;
        }
        try {
            return JSON.readTree(line);
        } catch (JsonProcessingException e) {
            return null;
        }
    }
}
