package dev.quiesce.host;

import dev.quiesce.facts.FactRequest;
import dev.quiesce.facts.ProbeTranscript;
import dev.quiesce.model.HostInfo;
import dev.quiesce.model.HostStatus;
import dev.quiesce.model.QuiesceException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * A host audited from a capture file, with no access to the host. It answers what the capture holds;
 * a fact the capture lacks reads as unknown, which makes the rules that need it ERROR, not PASS. The
 * file is read when the host is probed, so one damaged capture fails one host, not the whole audit.
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
    public ProbeTranscript probe(List<FactRequest> requests) throws HostException {
        try {
            return CaptureFile.read(file).transcript();
        } catch (QuiesceException e) {
            throw new HostException(HostStatus.ERROR, e.getMessage(), e);
        }
    }

    public Path file() {
        return file;
    }
}
