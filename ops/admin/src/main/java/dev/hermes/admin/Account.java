package dev.hermes.admin;

import dev.hermes.schemas.AccountUpdated;
import dev.hermes.schemas.UserId;

/**
 * The identity of one family, written into MEMORY.md between markers on every boot.
 *
 * @param members who is in the family, free text
 * @param notes anything else the agent should always know about the account
 */
public record Account(UserId userId, String displayName, String timezone, String locale, String members, String notes) {

    public static Account of(AccountUpdated event) {
        return new Account(
                event.userId(), event.displayName(), event.timezone(), event.locale(), event.members(), event.notes());
    }

    public static Account unknown(UserId userId) {
        return new Account(userId, "(no account record)", null, null, null, null);
    }
}
