package dev.quiesce.host;

import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReference;

/** Answers JSch's questions: key passphrases from the source, and nothing else (no passwords, no prompts). */
record PassphrasePrompt(PassphraseSource source, AtomicReference<String> answer, Set<String> asked)
        implements com.jcraft.jsch.UserInfo {

    PassphrasePrompt(PassphraseSource source) {
        this(source, new AtomicReference<>(), ConcurrentHashMap.newKeySet());
    }

    @Override
    public boolean promptPassphrase(String message) {
        if (!asked.add(message)) {
            source.rejected(message); // asked again in this session: the last answer did not open the key
        }
        Optional<char[]> passphrase = source.passphrase(message);
        passphrase.ifPresent(p -> answer.set(new String(p)));
        return passphrase.isPresent();
    }

    @Override
    public String getPassphrase() {
        return answer.get();
    }

    @Override
    public String getPassword() {
        return null;
    }

    @Override
    public boolean promptPassword(String message) {
        return false;
    }

    @Override
    public boolean promptYesNo(String message) {
        return false; // host keys are decided by HostKeyPolicy, never by a question
    }

    @Override
    public void showMessage(String message) {
    }
}
