package dev.quiesce.host;

import dev.quiesce.model.HostInfo;
import java.util.HashMap;
import java.util.Map;

/**
 * A host with one variable set for this run on top of what its inventory or capture gives: how a command-line
 * setting that every host's rules read ({@code audit --since}) reaches them. It is reached as the host it wraps.
 */
public final class VariableHost implements Host {
    private final Host host;
    private final HostInfo info;

    public VariableHost(Host host, String name, String value) {
        this.host = host;
        Map<String, String> vars = new HashMap<>(host.info().vars());
        vars.put(name, value);
        HostInfo base = host.info();
        this.info = new HostInfo(base.name(), base.roles(), vars, base.vm());
    }

    @Override
    public HostInfo info() {
        return info;
    }

    @Override
    public String transport() {
        return host.transport();
    }

    @Override
    public HostSession open() throws HostException {
        return host.open();
    }
}
