package dev.stance.statements;

import java.util.ArrayList;
import java.util.List;

/** A word or a single punctuation mark, with its offset in the text it was cut from. */
record Token(String text, int start) {
    boolean isWord() {
        return Character.isLetterOrDigit(text.charAt(0));
    }

    boolean capitalised() {
        return Character.isUpperCase(text.charAt(0));
    }

    /** All letters upper case and at least two of them: NATO, NUPI, USA. */
    boolean acronym() {
        int letters = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isLetter(c)) {
                if (!Character.isUpperCase(c)) {
                    return false;
                }
                letters++;
            }
        }
        return letters >= 2;
    }

    String lower() {
        return text.toLowerCase(java.util.Locale.ROOT);
    }

    /** Words keep inner hyphens and apostrophes (Nato-sjef, O'Brien); everything else but space is one token. */
    static List<Token> tokenize(String s) {
        List<Token> out = new ArrayList<>();
        int i = 0;
        int n = s.length();
        while (i < n) {
            char c = s.charAt(i);
            if (Character.isWhitespace(c)) {
                i++;
            } else if (Character.isLetterOrDigit(c)) {
                int j = i + 1;
                while (j < n && (Character.isLetterOrDigit(s.charAt(j))
                        || ((s.charAt(j) == '-' || s.charAt(j) == '\'' || s.charAt(j) == '’')
                        && j + 1 < n && Character.isLetterOrDigit(s.charAt(j + 1))))) {
                    j++;
                }
                out.add(new Token(s.substring(i, j), i));
                i = j;
            } else {
                out.add(new Token(String.valueOf(c), i));
                i++;
            }
        }
        return out;
    }
}
