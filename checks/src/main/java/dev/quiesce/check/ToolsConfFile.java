package dev.quiesce.check;

import dev.quiesce.facts.Content;
import dev.quiesce.facts.FactRequest;
import dev.quiesce.facts.vmtools.ToolsConf;
import java.util.Optional;

/**
 * tools.conf as vmtoolsd loads it, for every check that reads its settings: one request (the same for all
 * of them, so the probe reads the file once), and the cases where what vmtoolsd runs with cannot be told.
 * A missing file means every default. A file GLib refuses is ERROR: vmtoolsd ignores all of it, but which
 * settings it then runs with depends on when it last loaded the file (libvmtools/vmtoolsConfig.c: a refused
 * reload keeps the dictionary loaded before; only a vmtoolsd started with the refused file runs with its
 * defaults). The exception is a key before the first group, which vmtoolsd loads as an empty file: every
 * key takes its default ({@link ToolsConf.Refusal}).
 */
record ToolsConfFile(String path) {
    static final String DEFAULT_PATH = "/etc/vmware-tools/tools.conf";

    /**
     * The file as vmtoolsd runs with it: {@code conf} empty when there is no file; {@code defaultsWhy}
     * present when every key takes its default (no file, or a file read as empty), saying why.
     */
    record Loaded(Optional<ToolsConf> conf, Optional<String> defaultsWhy) {}

    FactRequest.FileContent request() {
        return new FactRequest.FileContent(path, FactRequest.DEFAULT_MAX_BYTES);
    }

    /**
     * The file as vmtoolsd loads it, or empty when that cannot be told (then the tally holds why, naming
     * {@code defaults}, the values a vmtoolsd started with a refused file would run with).
     */
    Optional<Loaded> read(HostView view, Tally tally, String defaults) {
        Loaded[] loaded = {null};
        tally.read(path, view.get(request()), content -> loaded[0] = inspect(content, tally, defaults).orElse(null),
                () -> {
                    tally.observe(path + " does not exist");
                    loaded[0] = new Loaded(Optional.empty(), Optional.of("no " + path));
                });
        return Optional.ofNullable(loaded[0]);
    }

    private Optional<Loaded> inspect(Content content, Tally tally, String defaults) {
        if (content.truncated()) {
            tally.observe(path + ": more than " + FactRequest.DEFAULT_MAX_BYTES + " bytes");
            tally.unknown(path + " is longer than the " + FactRequest.DEFAULT_MAX_BYTES + " bytes read, and a "
                    + "later line may set a key again or make GLib refuse the file");
            return Optional.empty();
        }
        ToolsConf conf = ToolsConf.parse(content.text());
        Optional<ToolsConf.Refusal> refusal = conf.refusal();
        if (refusal.isPresent() && refusal.get().loadsEmpty()) {
            ToolsConf.Refusal r = refusal.get();
            tally.observe(path + " line " + r.line() + ": " + r.why() + " (GLib stops there; vmtoolsd takes the "
                    + "file as empty, so every key of it is ignored)");
            return Optional.of(new Loaded(Optional.of(ToolsConf.parse("")), Optional.of("the file is read as empty")));
        }
        if (refusal.isPresent()) {
            ToolsConf.Refusal r = refusal.get();
            tally.observe(path + " line " + r.line() + ": " + r.why() + " (GLib refuses the file)");
            tally.unknown("GLib refuses " + path + " at line " + r.line() + " (" + r.why() + "), so vmtoolsd "
                    + "ignores every line of it: a vmtoolsd started with this file runs with its defaults ("
                    + defaults + "), but one that was running when the file was changed keeps the settings it "
                    + "last loaded, which quiesce cannot see (open-vm-tools libvmtools/vmtoolsConfig.c, "
                    + "VMTools_LoadConfig). Fix line " + r.line() + " (GLib takes only # comments and key=value "
                    + "lines inside a [group]), then: systemctl restart open-vm-tools.service (or vmtoolsd.service)");
            return Optional.empty();
        }
        return Optional.of(new Loaded(Optional.of(conf), Optional.empty()));
    }
}
