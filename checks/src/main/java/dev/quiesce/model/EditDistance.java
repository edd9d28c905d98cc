package dev.quiesce.model;

/** Levenshtein distance, for "did you mean" hints and for names that look like an expected one. */
public final class EditDistance {
    private EditDistance() {}

    public static int between(String a, String b) {
        int[] previous = new int[b.length() + 1];
        int[] current = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            current[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int substitution = previous[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
                current[j] = Math.min(substitution, Math.min(previous[j], current[j - 1]) + 1);
            }
            int[] swap = previous;
            previous = current;
            current = swap;
        }
        return previous[b.length()];
    }

    /** The closest of {@code choices} to {@code word}, if any is close enough to be a likely typo. */
    public static java.util.Optional<String> suggestion(String word, java.util.Collection<String> choices) {
        String best = null;
        int bestDistance = Integer.MAX_VALUE;
        for (String choice : choices) {
            int d = between(word.toLowerCase(java.util.Locale.ROOT), choice.toLowerCase(java.util.Locale.ROOT));
            if (d < bestDistance) {
                best = choice;
                bestDistance = d;
            }
        }
        int tolerated = Math.max(1, word.length() / 3);
        return bestDistance <= tolerated ? java.util.Optional.ofNullable(best) : java.util.Optional.empty();
    }
}
