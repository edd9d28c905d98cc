package dev.quiesce.facts;

import dev.quiesce.model.Evidence;

/**
 * Turns an answer that is not a success into the fact it means. The probe decides "absent" and "denied"
 * with tests ({@code [ -e ]}, {@code [ -d ]}, {@code [ -x ]}, {@code [ -r ]}) and says so in the status
 * word; nothing here reads the text of an error message to decide, so a host in another language, or a
 * command that prints something odd, cannot turn a failure into "absent".
 */
final class Failures {
    private Failures() {}

    static <T> Fact<T> of(FactRequest<T> request, Answer answer, AnswerContext context) {
        Evidence evidence = context.evidence(request, "status " + answer.status() + excerpt(answer));
        String subject = request.subject();
        return switch (answer.status()) {
            case Answer.NOT_FOUND, Answer.NO_PATH, Answer.NO_FILES -> new Fact.Absent<>(evidence);
            case Answer.DENIED -> new Fact.Unknown<>(Fact.Cause.DENIED, "permission denied reading " + subject
                    + (answer.body().length == 0 ? "" : " (" + firstLine(answer.text()) + ")") + " ("
                    + context.ranAs() + "); audit as root", evidence);
            case Answer.NOT_DIRECTORY -> new Fact.Unknown<>(Fact.Cause.WRONG_KIND, subject + " is not a directory",
                    evidence);
            case Answer.NOT_FILE -> new Fact.Unknown<>(Fact.Cause.WRONG_KIND, subject + " is not a regular file; "
                    + "quiesce reads only regular files", evidence);
            case Answer.LINK_LOOP -> new Fact.Unknown<>(Fact.Cause.UNRESOLVED, subject + " could not be resolved "
                    + "inside the tree: more than 40 symbolic links on the way" + named(answer) + " (a loop)", evidence);
            case Answer.BAD_LINK -> new Fact.Unknown<>(Fact.Cause.UNRESOLVED, subject + " could not be resolved "
                    + "inside the tree: a symbolic link on the way" + named(answer) + " could not be read", evidence);
            default -> new Fact.Unknown<>(Fact.Cause.UNEXPECTED, "could not read " + subject + ": "
                    + (answer.stderr().length > 0 ? firstLine(answer.stderrText()) : "status " + answer.status()),
                    evidence);
        };
    }

    /** " (at /x)" when the probe named where resolving stopped. */
    private static String named(Answer answer) {
        return answer.body().length == 0 ? "" : " (at " + firstLine(answer.text()) + ")";
    }

    /** An answer that reports success but holds nothing this reading understands. */
    static <T> Fact<T> unexpected(FactRequest<T> request, Answer answer, AnswerContext context) {
        return new Fact.Unknown<>(Fact.Cause.UNEXPECTED, "unexpected answer for " + request.describe() + ": "
                + firstLine(answer.text()), context.evidence(request, answer.text()));
    }

    /** The body, then what the command wrote on standard error, for evidence. */
    static String excerpt(Answer answer) {
        String text = answer.text().strip();
        String err = answer.stderrText().strip();
        return (text.isEmpty() ? "" : "\n" + text) + (err.isEmpty() ? "" : "\nstderr: " + err);
    }

    static String firstLine(String text) {
        String line = text.strip();
        int newline = line.indexOf('\n');
        line = newline < 0 ? line : line.substring(0, newline);
        return line.length() > 300 ? line.substring(0, 300) + "..." : line;
    }
}
