package dev.quiesce.host;

import dev.quiesce.facts.FactRequest;
import dev.quiesce.facts.ProbeStage;
import dev.quiesce.facts.ProbeTranscript;
import dev.quiesce.model.HostInfo;
import dev.quiesce.model.HostStatus;
import dev.quiesce.model.QuiesceException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A host audited from a capture file, with no access to the host. Each stage asked of it is answered
 * with the capture's stage of the same number; a fact the capture lacks reads as unknown, which makes
 * the rules that need it ERROR, not PASS. The file is read when the host is opened, so one damaged
 * capture fails one host, not the whole audit.
 */
public final class CapturedHost implements Host {
    private final HostInfo info;
    private final Path file;

    public CapturedHost(HostInfo info, Path file) {
        this.info = info;
        this.file = file;
    }

    /** A host named and roled as its capture file says. */
    public static CapturedHost open(Path file) {
        Capture capture = CaptureFile.read(file);
        return new CapturedHost(new HostInfo(capture.host(), capture.roles(), Map.of()), file);
    }

    @Override
    public HostInfo info() {
        return info;
    }

    @Override
    public String transport() {
        return "capture";
    }

    @Override
    public HostSession open() throws HostException {
        ProbeTranscript transcript;
        try {
            transcript = CaptureFile.read(file).transcript();
        } catch (QuiesceException e) {
            throw new HostException(HostStatus.ERROR, e.getMessage(), e);
        }
        java.util.concurrent.atomic.AtomicInteger next = new java.util.concurrent.atomic.AtomicInteger();
        return HostSession.of(requests -> {
            int stage = next.getAndIncrement();
            if (stage < transcript.stages().size()) {
                return transcript.stages().get(stage);
            }
            Map<String, FactRequest<?>> asked = new LinkedHashMap<>();
            requests.forEach(r -> asked.put("f" + (asked.size() + 1), r));
            return ProbeStage.notRun(asked, transcript.received());
        }, transcript.root(), transcript::note, () -> { });
    }

    public Path file() {
        return file;
    }
}
