package dev.stance.bench;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;

/**
 * Writes a large statement-record file for measuring {@code stance data validate}: texts of 15 to 40 words
 * drawn from small English, German and Norwegian word lists (so language detection has real work), spread over
 * the three splits, with one record in 500 a light edit of an earlier one (some across splits: leakage to find),
 * and one in 2,000 repeating an earlier id or text. Deterministic. Usage:
 * {@code SyntheticStatements <file.jsonl> <megabytes>}.
 */
public final class SyntheticStatements {
    private static final List<String> EN = List.of(("the minister said talks would resume in the capital next week"
            + " after both delegations agreed on a new schedule for prisoner exchanges and humanitarian corridors while"
            + " officials warned that the ceasefire remained fragile because troops had not withdrawn from the border"
            + " region where shelling continued overnight according to local authorities and observers from several"
            + " countries who called for restraint").split(" "));
    private static final List<String> DE = List.of(("der minister sagte die gespräche würden in der hauptstadt"
            + " nächste woche fortgesetzt nachdem beide delegationen sich auf einen neuen zeitplan für den austausch"
            + " von gefangenen geeinigt hatten während beamte warnten dass die waffenruhe brüchig bleibe weil die"
            + " truppen sich nicht von der grenze zurückgezogen hätten wo der beschuss über nacht weiterging").split(" "));
    private static final List<String> NB = List.of(("ministeren sa at forhandlingene skulle gjenopptas i hovedstaden"
            + " neste uke etter at begge delegasjonene ble enige om en ny plan for utveksling av fanger og humanitære"
            + " korridorer mens tjenestemenn advarte om at våpenhvilen fortsatt var skjør fordi soldatene ikke hadde"
            + " trukket seg tilbake fra grenseområdet der beskytningen fortsatte gjennom natten").split(" "));
    private static final List<String> SPLITS = List.of("train", "train", "train", "dev", "test");

    private SyntheticStatements() {
    }

    public static void main(String[] args) throws IOException {
        if (args.length != 2) {
            System.err.println("usage: SyntheticStatements <file.jsonl> <megabytes>");
            System.exit(1);
        }
        System.out.println(write(Path.of(args[0]), Long.parseLong(args[1]) * 1024 * 1024) + " records");
    }

    /** Writes records until the file holds at least {@code bytes} bytes; returns the record count. */
    public static long write(Path file, long bytes) throws IOException {
        Random r = new Random(42);
        long written = 0;
        long n = 0;
        String[] recent = {"", "", ""}; // the last text of each language
        try (BufferedWriter w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            while (written < bytes) {
                n++;
                String lang = switch ((int) (n % 3)) {
                    case 0 -> "en";
                    case 1 -> "de";
                    default -> "nb";
                };
                List<String> words = lang.equals("en") ? EN : lang.equals("de") ? DE : NB;
                String previousText = recent[(int) (n % 3)];
                String text;
                if (n % 500 == 0 && !previousText.isEmpty()) {
                    text = previousText + " " + words.get(r.nextInt(words.size()));
                } else if (n % 2000 == 1 && !previousText.isEmpty()) {
                    text = previousText;
                } else {
                    StringBuilder b = new StringBuilder();
                    int len = 15 + r.nextInt(26);
                    for (int i = 0; i < len; i++) {
                        b.append(i == 0 ? "" : " ").append(words.get(r.nextInt(words.size())));
                    }
                    text = b.append('.').toString();
                }
                long id = n % 2000 == 7 ? n - 1 : n;
                String line = String.format("{\"id\": \"s%08d\", \"text\": \"%s\", \"context\": \"%s\","
                                + " \"lang\": \"%s\", \"stance\": \"neutral\", \"openness\": \"none\","
                                + " \"source\": \"written\", \"split\": \"%s\", \"family\": \"f%08d\"}%n",
                        id, text, previousText, lang, SPLITS.get(r.nextInt(SPLITS.size())), n);
                w.write(line);
                written += line.getBytes(StandardCharsets.UTF_8).length;
                recent[(int) (n % 3)] = text;
            }
        }
        return n;
    }
}
