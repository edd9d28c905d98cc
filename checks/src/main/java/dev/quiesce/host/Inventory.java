package dev.quiesce.host;

import dev.quiesce.config.Location;
import dev.quiesce.config.MappingReader;
import dev.quiesce.config.Problems;
import dev.quiesce.config.YamlNode;
import dev.quiesce.config.YamlReader;
import dev.quiesce.model.HostInfo;
import dev.quiesce.model.VmLink;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * An inventory file: {@code apiVersion: quiesce/v1}, {@code kind: Inventory}, {@code hosts:} each with
 * {@code name}, {@code roles}, {@code vars}, one transport ({@code local: true}, optionally with
 * {@code root:}; {@code capture: <file>}; or {@code ssh: {host, port, user, identity, sudo,
 * passphrase_env}}) and, for a guest, {@code vm: {esxi: <host of this inventory>, name: <VM display
 * name>}} or {@code vm: {esxi: ..., dir: /vmfs/volumes/<datastore>/<dir>}}. Loading is strict and
 * reports every problem at its place.
 */
public record Inventory(Path file, List<InventoryHost> hosts) {
    public static final String API_VERSION = "quiesce/v1";
    private static final Set<String> TOP_KEYS = Set.of("apiVersion", "kind", "hosts");
    private static final Set<String> HOST_KEYS = Set.of("name", "roles", "vars", "local", "root", "capture", "ssh",
            "vm");
    private static final Set<String> VM_KEYS = Set.of("esxi", "name", "dir");
    private static final Set<String> SSH_KEYS = Set.of("host", "port", "user", "identity", "sudo", "proxy_jump",
            "passphrase_env");

    public Inventory {
        hosts = List.copyOf(hosts);
    }

    public static Inventory load(Path file) {
        return load(file, Optional.empty());
    }

    /**
     * Loads the inventory and, with {@code knownRoles} (the roles the loaded rule packs use), reports a
     * role outside them at its place together with the file's other problems.
     */
    public static Inventory load(Path file, Optional<Set<String>> knownRoles) {
        Problems problems = new Problems();
        YamlNode root = YamlReader.read(file, "inventory", problems);
        Path base = Optional.ofNullable(file.toAbsolutePath().getParent()).orElse(Path.of("."));
        List<InventoryHost> hosts = new ArrayList<>();
        MappingReader.of(root, "the inventory", TOP_KEYS, problems).ifPresent(top -> {
            header(top, problems);
            Map<String, Location> seen = new HashMap<>();
            for (YamlNode item : top.requiredItems("hosts", "the inventory", "host")) {
                host(item, base, problems).ifPresent(h -> {
                    Location previous = seen.putIfAbsent(h.info().name(), item.location());
                    if (previous != null) {
                        problems.add(item.location(), "host name '" + h.info().name() + "' is used twice "
                                + "(first at line " + previous.line() + "); host names must be unique");
                    } else {
                        hosts.add(h);
                    }
                });
            }
        });
        links(hosts, problems);
        Inventory inventory = new Inventory(file, hosts);
        knownRoles.ifPresent(known -> inventory.unknownRoles(known).forEach(p -> problems.add(new Location(p.file(),
                p.line(), p.column()), p.message())));
        problems.throwIfAny();
        return inventory;
    }

    /**
     * The problems of hosts whose roles are not in {@code known} (the roles the loaded rule packs use),
     * each at the place the role was written, with the nearest known role.
     */
    public List<dev.quiesce.model.Problem> unknownRoles(Set<String> known) {
        Problems problems = new Problems();
        for (InventoryHost host : hosts) {
            host.roleLocations().forEach((role, at) -> {
                if (dev.quiesce.model.RoleNames.isUnknown(role, known)) {
                    problems.add(at, dev.quiesce.model.RoleNames.unknown(role, known));
                }
            });
        }
        return problems.list();
    }

    /** A guest's {@code vm: {esxi: ...}} must name another host of this inventory. */
    private static void links(List<InventoryHost> hosts, Problems problems) {
        Set<String> names = new java.util.TreeSet<>();
        hosts.forEach(h -> names.add(h.info().name()));
        for (InventoryHost host : hosts) {
            host.info().vm().ifPresent(vm -> {
                Location at = host.vmLocation().orElseThrow();
                if (vm.esxi().equals(host.info().name())) {
                    problems.add(at, "'vm: {esxi: " + vm.esxi() + "}' names this host itself; name the ESXi host "
                            + "the guest runs on");
                } else if (!names.contains(vm.esxi())) {
                    String hint = dev.quiesce.model.EditDistance.suggestion(vm.esxi(), names)
                            .map(n -> "did you mean '" + n + "'? ").orElse("");
                    problems.add(at, "'vm: {esxi: " + vm.esxi() + "}' names no host of this inventory; " + hint
                            + "add the ESXi host to 'hosts' or fix the name");
                }
            });
        }
    }

    private static void header(MappingReader top, Problems problems) {
        top.requiredString("apiVersion").filter(v -> !v.equals(API_VERSION)).ifPresent(v -> problems.add(
                top.node("apiVersion").orElseThrow().location(), "apiVersion is '" + v + "'; this quiesce reads "
                        + API_VERSION));
        top.requiredString("kind").filter(k -> !k.equals("Inventory")).ifPresent(k -> problems.add(
                top.node("kind").orElseThrow().location(), "kind is '" + k + "'; an inventory has kind: Inventory"
                        + (k.equals("RulePack") ? " (this looks like a rule pack: pass it with --rules)" : "")));
    }

    private static Optional<InventoryHost> host(YamlNode node, Path base, Problems problems) {
        return MappingReader.of(node, "a host", HOST_KEYS, problems).flatMap(h -> {
            Optional<String> name = h.requiredString("name").filter(n -> fits(h, "name", "host name", n,
                    SshTarget.MAX_HOST, problems));
            List<String> roles = h.stringList("roles");
            Map<String, String> vars = vars(h, problems);
            Optional<InventoryHost.Transport> transport = transport(h, base, problems);
            Optional<Optional<VmLink>> vm = h.node("vm").isEmpty() ? Optional.of(Optional.empty())
                    : vm(h.node("vm").get(), problems).map(Optional::of);
            if (name.isEmpty() || transport.isEmpty() || vm.isEmpty()) {
                return Optional.empty();
            }
            return Optional.of(new InventoryHost(new HostInfo(name.get(), Set.copyOf(roles), vars, vm.get()),
                    transport.get(), roleLocations(h), h.node("vm").map(YamlNode::location)));
        });
    }

    private static Map<String, Location> roleLocations(MappingReader host) {
        Map<String, Location> at = new LinkedHashMap<>();
        if (host.node("roles").orElse(null) instanceof YamlNode.Sequence roles) {
            for (YamlNode role : roles.items()) {
                if (role instanceof YamlNode.Scalar s) {
                    at.putIfAbsent(s.text(), role.location());
                }
            }
        }
        return at;
    }

    private static Optional<VmLink> vm(YamlNode node, Problems problems) {
        return MappingReader.of(node, "'vm'", VM_KEYS, problems).flatMap(vm -> {
            Optional<String> esxi = vm.requiredString("esxi");
            Optional<String> name = vm.optionalString("name");
            Optional<String> dir = vm.optionalString("dir");
            if (name.isPresent() == dir.isPresent()) {
                problems.add(vm.location(), "'vm' names the VM by its display name or by its directory: give "
                        + "'name: <VM name>' or 'dir: /vmfs/volumes/<datastore>/<dir>', one of the two");
                return Optional.empty();
            }
            if (dir.isPresent() && !dir.get().matches("/vmfs/volumes/[^/]+/[^/]+/?")) {
                problems.add(vm.node("dir").orElseThrow().location(), "'dir' must be a VM directory such as "
                        + "/vmfs/volumes/datastore1/db1, not '" + dir.get() + "'");
                return Optional.empty();
            }
            return esxi.map(e -> new VmLink(e, name, dir.map(d -> d.replaceAll("/+$", ""))));
        });
    }

    private static Map<String, String> vars(MappingReader host, Problems problems) {
        Map<String, String> vars = new LinkedHashMap<>();
        host.node("vars").ifPresent(node -> {
            if (!(node instanceof YamlNode.Mapping mapping)) {
                problems.add(node.location(), "'vars' must be a mapping of names to values, not " + node.describe());
                return;
            }
            mapping.entries().values().forEach(entry -> {
                if (entry.value() instanceof YamlNode.Scalar s && s.type() != YamlNode.Scalar.Type.NULL) {
                    vars.put(entry.key(), s.text());
                } else {
                    problems.add(entry.value().location(), "variable '" + entry.key()
                            + "' must be a single value (text, number or true/false), not " + entry.value().describe());
                }
            });
        });
        return vars;
    }

    private static Optional<InventoryHost.Transport> transport(MappingReader host, Path base, Problems problems) {
        Optional<Boolean> local = host.optionalBoolean("local");
        Optional<String> capture = host.optionalString("capture");
        Optional<String> root = host.optionalString("root");
        if (local.isPresent() && !local.get()) {
            problems.add(host.node("local").orElseThrow().location(), "'local: false' means nothing; remove it or "
                    + "give another transport (capture: <file> or ssh: {...})");
            return Optional.empty();
        }
        long transports = java.util.stream.Stream.of("local", "capture", "ssh").filter(host::has).count();
        if (transports != 1) {
            problems.add(host.location(), transports == 0
                    ? "the host says not how to reach it; add 'local: true', 'capture: <file>' or 'ssh: {host: ...}'"
                    : "a host has one transport: 'local: true', 'capture: <file>' or 'ssh: {...}', not several");
            return Optional.empty();
        }
        if (root.isPresent() && local.isEmpty()) {
            problems.add(host.node("root").orElseThrow().location(), "'root' goes with 'local: true' only");
            return Optional.empty();
        }
        if (host.has("ssh")) {
            return ssh(host.node("ssh").orElseThrow(), base, problems).map(InventoryHost.Transport.Ssh::new);
        }
        if (capture.isPresent()) {
            Path file = base.resolve(capture.get()).normalize();
            if (!Files.isRegularFile(file)) {
                problems.add(host.node("capture").orElseThrow().location(), "capture file " + file
                        + " does not exist; make it with 'quiesce collect' or fix the path (relative paths start "
                        + "at the inventory's directory)");
                return Optional.empty();
            }
            return Optional.of(new InventoryHost.Transport.Captured(file));
        }
        if (local.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new InventoryHost.Transport.Local(root.map(r -> base.resolve(r).normalize())));
    }

    /** Whether {@code value} of {@code key} is at most {@code max} characters; if not, a problem at its place. */
    private static boolean fits(MappingReader mapping, String key, String what, String value, int max,
                                Problems problems) {
        Optional<String> tooLong = SshTarget.tooLong(what, value, max);
        tooLong.ifPresent(m -> problems.add(mapping.node(key).orElseThrow().location(), m));
        return tooLong.isEmpty();
    }

    private static Optional<SshTarget> ssh(YamlNode node, Path base, Problems problems) {
        return MappingReader.of(node, "'ssh'", SSH_KEYS, problems).flatMap(ssh -> {
            Optional<String> name = ssh.requiredString("host").filter(n -> fits(ssh, "host", "host name", n,
                    SshTarget.MAX_HOST, problems));
            Optional<Integer> port = ssh.node("port").flatMap(p -> {
                if (p instanceof YamlNode.Scalar s && s.type() == YamlNode.Scalar.Type.NUMBER
                        && s.text().matches("[0-9]{1,5}") && Integer.parseInt(s.text()) >= 1
                        && Integer.parseInt(s.text()) <= 65535) {
                    return Optional.of(Integer.parseInt(s.text()));
                }
                problems.add(p.location(), "'port' must be a number from 1 to 65535, not " + p.describe());
                return Optional.empty();
            });
            Optional<String> user = ssh.optionalString("user");
            if (user.isPresent() && !fits(ssh, "user", "user name", user.get(), SshTarget.MAX_USER, problems)) {
                return Optional.empty();
            }
            Optional<String> jumpSpec = ssh.optionalString("proxy_jump");
            if (jumpSpec.isPresent() && !fits(ssh, "proxy_jump", "jump host", jumpSpec.get(), SshTarget.MAX_USER + 1
                    + SshTarget.MAX_HOST + 8, problems)) {
                return Optional.empty();
            }
            Optional<Path> identity = ssh.optionalString("identity").map(i -> base.resolve(i.replaceFirst("^~/",
                    System.getProperty("user.home") + "/")).normalize());
            boolean sudo = ssh.optionalBoolean("sudo").orElse(false);
            Optional<String> passphraseEnv = ssh.optionalString("passphrase_env");
            Optional<String> jump = ssh.optionalString("proxy_jump");
            jump.filter(j -> j.contains(",")).ifPresent(j -> problems.add(ssh.node("proxy_jump").orElseThrow()
                    .location(), "'proxy_jump' names several hops; quiesce supports one jump host ([user@]host[:port])"));
            if (name.isEmpty()) {
                return Optional.empty();
            }
            return Optional.of(new SshTarget(name.get(), port, user, identity, sudo, jump, passphraseEnv));
        });
    }
}
