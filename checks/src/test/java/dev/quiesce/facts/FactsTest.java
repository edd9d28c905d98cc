package dev.quiesce.facts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import java.time.Instant;
import org.junit.jupiter.api.Test;

/** The facts of a host that could not be had: every one unknown for the one reason, as of the instant given. */
class FactsTest {
    @Test
    void everyFactOfAHostThatCouldNotBeHadIsUnknownForTheOneReason() {
        Instant asOf = Instant.parse("2026-06-01T12:00:00Z");
        Facts facts = Facts.unknown(Fact.Cause.UNAVAILABLE, "no ESXi host is linked to db1", asOf);
        assertEquals(asOf, facts.asOf());
        for (FactRequest<?> request : java.util.List.of(new FactRequest.FileStat("/etc/vmware/esx.conf"),
                new FactRequest.CommandOutput(AllowedCommand.VIM_CMD_GETALLVMS))) {
            Fact.Unknown<?> unknown = assertInstanceOf(Fact.Unknown.class, facts.get(request));
            assertEquals(Fact.Cause.UNAVAILABLE, unknown.cause());
            assertEquals("no ESXi host is linked to db1", unknown.reason());
            assertEquals(request.kind(), unknown.evidence().fact());
            assertEquals(request.describe(), unknown.evidence().source());
        }
    }
}
