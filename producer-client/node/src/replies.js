// The reply consumer: this client's one reply partition, positioned at its end before the first request.
// kafkajs has no assign(), so the consumer joins a group of its own (a fresh id per client instance) whose
// assigner hands it exactly that partition, and then seeks to the end offset read before joining.
import kafkajs from 'kafkajs';
import { randomUUID } from 'node:crypto';
import { parseReply, HermesError } from './contract.js';

const { AssignerProtocol } = kafkajs;

function onePartitionAssigner(topic, partition) {
  return () => ({
    name: 'HermesReplyPartition',
    version: 1,
    async assign({ members }) {
      return members.map(({ memberId }, i) => ({
        memberId,
        memberAssignment: AssignerProtocol.MemberAssignment.encode({
          version: 1,
          assignment: i === 0 ? { [topic]: [partition] } : {},
          userData: Buffer.alloc(0),
        }),
      }));
    },
    protocol({ topics }) {
      return {
        name: 'HermesReplyPartition',
        metadata: AssignerProtocol.MemberMetadata.encode({ version: 1, topics, userData: Buffer.alloc(0) }),
      };
    },
  });
}

/**
 * Starts the reply consumer and resolves once it is positioned: every reply written after this resolves
 * is delivered to `onReply`.
 * @param {import('kafkajs').Kafka} kafka
 * @param {{topic: string, partition: number, clientId: string, positionTimeoutMs?: number}} where
 * @param {(event: any) => void} onReply
 */
export async function startReplies(kafka, { topic, partition, clientId, positionTimeoutMs = 30_000 }, onReply) {
  const admin = kafka.admin();
  await admin.connect();
  let end;
  try {
    const offsets = await admin.fetchTopicOffsets(topic);
    end = offsets.find((o) => o.partition === partition)?.high;
  } finally {
    await admin.disconnect();
  }
  if (end === undefined) {
    throw new HermesError('NO_REPLY_PARTITION', `topic ${topic} has no partition ${partition}`);
  }
  const consumer = kafka.consumer({
    groupId: `${clientId}-replies-${randomUUID()}`,
    partitionAssigners: [onePartitionAssigner(topic, partition)],
    allowAutoTopicCreation: false,
    maxWaitTimeInMs: 500, // as the Java client's poll: close() waits for the fetch under way
  });
  const joined = new Promise((resolve, reject) => {
    const timer = setTimeout(
      () => reject(new HermesError('NOT_POSITIONED', `reply consumer not positioned on ${topic}-${partition} within ${positionTimeoutMs} ms`)),
      positionTimeoutMs);
    consumer.on(consumer.events.GROUP_JOIN, ({ payload }) => {
      if ((payload.memberAssignment[topic] ?? []).includes(partition)) {
        clearTimeout(timer);
        resolve(undefined);
      }
    });
  });
  try {
    await consumer.connect();
    await consumer.subscribe({ topics: [topic], fromBeginning: false });
    await consumer.run({
      autoCommit: false,
      eachMessage: async ({ partition: p, message }) => {
        if (p !== partition) return;
        const event = parseReply(message.value);
        if (event) onReply(event);
      },
    });
    await joined;
    consumer.seek({ topic, partition, offset: String(end) });
  } catch (e) {
    await consumer.disconnect().catch(() => {});
    throw e;
  }
  return consumer;
}
