package dev.hermes.worker.spawn;

import dev.hermes.schemas.HermesException;
import dev.hermes.schemas.UserId;

/** HERMES_ADMISSION=known-accounts and the family has no account: no container or volume is made for it. */
public final class UnknownFamilyException extends HermesException {
    public UnknownFamilyException(UserId user) {
        super("user " + user + " has no account and HERMES_ADMISSION is known-accounts: no runtime is started");
    }
}
