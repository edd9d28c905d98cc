package dev.quiesce.facts;

import dev.quiesce.model.Evidence;

/**
 * Reads a command's answer: a status the request calls meaningful is a result, "notfound" (no such
 * command on the host's PATH) is absent, and any other exit status is a command that failed.
 */
final class CommandReader {
    private CommandReader() {}

    static Fact<CommandResult> read(FactRequest.CommandOutput request, Answer answer, AnswerContext context) {
        int status = answer.exitStatus();
        Evidence evidence = context.evidence(request, "exit " + answer.status() + Failures.excerpt(answer));
        if (answer.status().equals(Answer.NOT_FOUND)) {
            return new Fact.Absent<>(context.evidence(request, request.argv().get(0) + ": command not found"));
        }
        if (status < 0) {
            return new Fact.Unknown<>(Fact.Cause.UNEXPECTED, "unexpected status '" + answer.status() + "' for "
                    + request.subject(), evidence);
        }
        if (!request.meaningfulStatuses().contains(status)) {
            String err = Failures.firstLine(answer.stderrText());
            return new Fact.Unknown<>(Fact.Cause.COMMAND_FAILED, request.subject() + " exited " + status
                    + (err.isEmpty() ? "" : ": " + err) + " (" + context.ranAs() + ")", evidence);
        }
        return new Fact.Present<>(new CommandResult(status, answer.text(), answer.stderrText()), evidence);
    }
}
