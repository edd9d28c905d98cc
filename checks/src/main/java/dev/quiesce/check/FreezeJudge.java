package dev.quiesce.check;

/**
 * One idea of what the window's freezes must show, judged on the freezes the logs record
 * ({@link FreezeLogReading}). The {@code freeze-log} check type reads the logs and hands them to the judge
 * its rule names.
 */
interface FreezeJudge {
    /** What the rule expects, for the finding's {@code expected}. */
    String expected(FreezeLogCheck.Parameters p);

    String passMessage(FreezeLogCheck.Parameters p);

    void judge(FreezeLogReading reading, FreezeLogCheck.Parameters p, Tally tally);
}
