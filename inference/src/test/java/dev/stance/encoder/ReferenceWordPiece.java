package dev.stance.encoder;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * An independent, deliberately plain implementation of BERT's cased tokenization rules (basic tokenizer:
 * clean, split on white space and punctuation, isolate CJK characters; then greedy longest-match-first
 * WordPiece with "##" continuations), used to check the generated tokenizer.json.
 */
final class ReferenceWordPiece {
    private final Map<String, Integer> vocab = new HashMap<>();

    ReferenceWordPiece(List<String> vocabLines) {
        for (int i = 0; i < vocabLines.size(); i++) {
            vocab.put(vocabLines.get(i), i);
        }
    }

    List<Integer> ids(String text) {
        List<Integer> out = new ArrayList<>();
        out.add(vocab.get("[CLS]"));
        for (String word : basicTokens(text)) {
            out.addAll(wordPiece(word));
        }
        out.add(vocab.get("[SEP]"));
        return out;
    }

    private static boolean punctuation(int c) {
        if ((c >= 33 && c <= 47) || (c >= 58 && c <= 64) || (c >= 91 && c <= 96) || (c >= 123 && c <= 126)) {
            return true;
        }
        int t = Character.getType(c);
        return t == Character.CONNECTOR_PUNCTUATION || t == Character.DASH_PUNCTUATION
                || t == Character.START_PUNCTUATION || t == Character.END_PUNCTUATION
                || t == Character.INITIAL_QUOTE_PUNCTUATION || t == Character.FINAL_QUOTE_PUNCTUATION
                || t == Character.OTHER_PUNCTUATION;
    }

    private static List<String> basicTokens(String text) {
        List<String> out = new ArrayList<>();
        StringBuilder cur = new StringBuilder();
        text.codePoints().forEach(c -> {
            if (c == 0 || c == 0xFFFD || (Character.isISOControl(c) && c != '\t' && c != '\n' && c != '\r')) {
                return;
            }
            if (Character.isWhitespace(c) || Character.isSpaceChar(c)) {
                flush(cur, out);
            } else if (punctuation(c)) {
                flush(cur, out);
                out.add(new String(Character.toChars(c)));
            } else {
                cur.appendCodePoint(c);
            }
        });
        flush(cur, out);
        return out;
    }

    private static void flush(StringBuilder cur, List<String> out) {
        if (cur.length() > 0) {
            out.add(cur.toString());
            cur.setLength(0);
        }
    }

    private List<Integer> wordPiece(String word) {
        List<Integer> ids = new ArrayList<>();
        int start = 0;
        int[] cps = word.codePoints().toArray();
        if (cps.length > 100) {
            return List.of(vocab.get("[UNK]"));
        }
        while (start < cps.length) {
            int end = cps.length;
            Integer found = null;
            while (start < end) {
                String piece = new String(cps, start, end - start);
                if (start > 0) {
                    piece = "##" + piece;
                }
                if (vocab.containsKey(piece)) {
                    found = vocab.get(piece);
                    break;
                }
                end--;
            }
            if (found == null) {
                return List.of(vocab.get("[UNK]"));
            }
            ids.add(found);
            start = end;
        }
        return ids;
    }
}
