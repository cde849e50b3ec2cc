package dev.hermes.ops.audit;

/** What `audit` prints for {@link AuditHistory}, worked out by hand; shared by the unit tests and AuditIT. */
final class AuditExpected {
    private AuditExpected() {}

    /** `audit user A`, when A's partition holds only A's 13 events. */
    static String timelineText() {
        return """
user aaaaaaaa-1111-4111-8111-111111111111: 13 events; 13 records read, 0 undecodable
TIME                      TYPE              REASON                SETTINGS  CREATE   START  HEALTH   TOTAL  CORRELATION                           WORKER
2026-11-20T10:00:00.000Z  RuntimeSpawned    -                     v1           180       -       -       -  c0000000-0000-4000-8000-000000000001  worker-1
2026-11-20T10:00:00.250Z  RuntimeStarted    -                     v1?            -      70       -       -  c0000000-0000-4000-8000-000000000001  worker-1
2026-11-20T10:00:01.500Z  RuntimeReady      cold                  v1           180      70    1250    1500  c0000000-0000-4000-8000-000000000001  worker-1
2026-11-20T10:05:00.000Z  RuntimeReady      warm                  v1             0       0       0       4  c0000000-0000-4000-8000-000000000002  worker-1
2026-11-20T10:06:00.000Z  RuntimeReady      warm                  v1             0       0       0       6  c0000000-0000-4000-8000-000000000003  worker-1
2026-11-20T10:20:00.000Z  RuntimeStopped    SETTINGS_RECREATE     v1?            -       -       -       -  -                                     worker-1
2026-11-20T10:20:00.150Z  RuntimeSpawned    -                     v2           150       -       -       -  -                                     worker-1
2026-11-20T10:20:00.210Z  RuntimeStarted    -                     v2?            -      60       -       -  -                                     worker-1
2026-11-20T10:20:01.400Z  RuntimeRecreated  -                     v1->v2         -       -       -    1400  -                                     worker-1
2026-11-20T10:50:00.000Z  RuntimeStopped    IDLE                  v2?            -       -       -       -  -                                     worker-1
2026-11-20T11:00:00.000Z  RuntimeStarted    adopted               v2?            -      65       -       -  c0000000-0000-4000-8000-000000000004  worker-2
2026-11-20T11:02:00.065Z  RuntimeStopped    HEALTH_TIMEOUT        v2?            -       -       -       -  c0000000-0000-4000-8000-000000000004  worker-2
2026-11-20T11:02:00.100Z  RuntimeFailed     HEALTH_TIMEOUT        v2?            -       -       -       -  c0000000-0000-4000-8000-000000000004  worker-2
? = settings version inferred from the user's other events (this event type has none)
""";
    }

    /**
     * `audit fleet` over A, B, the orphan and one undecodable record at {@code topic}-0@0: ensure totals
     * 4, 6, 1500, 2000 (p50 = 2nd = 6, p95 = p99 = 4th = 2000); cold 1500, 2000; warm 4, 6; create 150, 180,
     * 220; start 60, 65, 70, 90; health 1250, 1600.
     */
    static String fleetText(String topic, String undecodableError) {
        return """
fleet: %1$s; 19 records read, 1 undecodable
events: RuntimeFailed 2, RuntimeReady 4, RuntimeRecreated 1, RuntimeSpawned 3, RuntimeStarted 4, RuntimeStopped 4
spawns: 3
answers: 4 (cold 2, warm 2)
resumes: 0 (paused runtimes woken instead of a cold start)
failures: 2 (HEALTH_TIMEOUT 1, SPAWN_ERROR 1)
stops: 4 (HEALTH_TIMEOUT 1, IDLE 1, ORPHAN 1, SETTINGS_RECREATE 1)
recreates: 1 (to v2: 1)
  timings (ms)     count     p50     p95     p99     max
  ensure               4       6    2000    2000    2000
  ensure cold          2    1500    2000    2000    2000
  ensure warm          2       4       6       6       6
  create               3     180     220     220     220
  start                4      65      90      90      90
  health (cold)        2    1250    1600    1600    1600
  resume               0       -       -       -       -
top failing users:
  aaaaaaaa-1111-4111-8111-111111111111  1
  bbbbbbbb-2222-4222-8222-222222222222  1
undecodable %1$s-0@0: %2$s
""".formatted(topic, undecodableError);
    }

    static String fleetJson(String topic, String undecodableError) {
        return """
{"topic": "%1$s", "since": null, "until": null,
 "recordsRead": 19, "eventsInScope": 18, "undecodable": 1,
 "undecodableSamples": [{"source": "%1$s-0@0", "error": "%2$s"}],
 "eventsByType": {"RuntimeFailed": 2, "RuntimeReady": 4, "RuntimeRecreated": 1, "RuntimeSpawned": 3,
                  "RuntimeStarted": 4, "RuntimeStopped": 4},
 "spawns": 3,
 "answers": {"total": 4, "cold": 2, "warm": 2},
 "resumes": 0,
 "failures": {"total": 2, "byReason": {"HEALTH_TIMEOUT": 1, "SPAWN_ERROR": 1}},
 "stops": {"total": 4, "byReason": {"HEALTH_TIMEOUT": 1, "IDLE": 1, "ORPHAN": 1, "SETTINGS_RECREATE": 1}},
 "recreates": {"total": 1, "bySettingsVersion": {"2": 1}},
 "timingsMs": {
   "ensure":     {"count": 4, "p50": 6,    "p95": 2000, "p99": 2000, "max": 2000},
   "ensureCold": {"count": 2, "p50": 1500, "p95": 2000, "p99": 2000, "max": 2000},
   "ensureWarm": {"count": 2, "p50": 4,    "p95": 6,    "p99": 6,    "max": 6},
   "create":     {"count": 3, "p50": 180,  "p95": 220,  "p99": 220,  "max": 220},
   "start":      {"count": 4, "p50": 65,   "p95": 90,   "p99": 90,   "max": 90},
   "health":     {"count": 2, "p50": 1250, "p95": 1600, "p99": 1600, "max": 1600},
   "resume":     {"count": 0, "p50": null, "p95": null, "p99": null, "max": null}},
 "topFailingUsers": [{"userId": "aaaaaaaa-1111-4111-8111-111111111111", "failures": 1},
                     {"userId": "bbbbbbbb-2222-4222-8222-222222222222", "failures": 1}]}
""".formatted(topic, undecodableError.replace("\\", "\\\\").replace("\"", "\\\""));
    }
}
