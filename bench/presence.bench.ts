/**
 * Accommodation notices on PostgreSQL, the way hotels send them:
 *
 *   npm run bench -- presence [--residents 1000000] [--wanted 10000] [--operators 50] [--seconds 15]
 *
 * A town of `residents` with about `wanted` people on the wanted list; `operators` concurrent hotel tablets each
 * sending one-guest notices by card QR (every notice is verified against the registry, matched against the alert
 * rules and audited); one police screen connected to the live alert stream. Prints notices/s and how long alerts took
 * to reach the police screen (from the server's raising of the alert to the client's receipt). Bar: ≥ 2,000
 * notices/s, alert p99 ≤ 1 s. For context, OpenCRVS publishes 200 declarations a minute for its own workload.
 */
import { parseArgs } from 'node:util';
import autocannon from 'autocannon';
import { createModules } from '../server/src/modules.ts';
import { formatCardQr, seedTown } from '../server/src/modules/registry/index.ts';
import { benchKernel, freshDatabase, line, percentile, startServer } from './support.ts';

interface Holder {
  person_id: string;
  full_name: string;
  birth_date: string;
  sex: 'male' | 'female';
  permanent_address: string;
  old_id: string | null;
  issue_date: string;
  wanted: boolean;
}

export async function run(args: string[]) {
  const { values } = parseArgs({
    args,
    options: {
      residents: { type: 'string', default: '1000000' },
      wanted: { type: 'string', default: '10000' },
      operators: { type: 'string', default: '50' },
      seconds: { type: 'string', default: '15' },
    },
  });
  const residents = Number(values.residents);
  const operators = Number(values.operators);
  const seconds = Number(values.seconds);
  const today = new Date(Date.now() + 7 * 3600_000).toISOString().slice(0, 10);
  const database = await freshDatabase('presence');
  const { kernel, config, close } = await benchKernel(database.url);
  try {
    const { modules, services } = createModules(kernel);
    for (const module of modules) await module.prepare?.();
    // Adults 18–60 are about 55 % of the town: this share gives about `wanted` names.
    const wantedShare = Number(values.wanted) / (residents * 0.55);
    const seeded = await seedTown(kernel.db, { residents, seed: 20230806, today, wantedShare });
    line(`town: ${seeded.residents.toLocaleString('en-US')} residents, wanted list`, seeded.wanted);

    const police = { kind: 'user' as const, id: 'bench-police', roles: ['police' as const], wards: ['*'], scopes: [] };
    const hotels: string[] = [];
    for (let index = 0; index < operators; index++) {
      const ward = ['13348', '13324', '13330', '13336', '13363', '13366'][index % 6]!;
      const { id } = await services.presence.registerEstablishment(police, { kind: 'hotel', name: `Khách sạn ${index + 1}`, address: `Số ${index + 1}, phường ${ward}`, wardCode: ward }, 'bench');
      hotels.push(id);
    }
    const tokens = await Promise.all(hotels.map((id) => kernel.tokens.issue({ sub: `bench-reception-${id}`, roles: ['host'], establishmentId: id })));
    const guests = await kernel.db.query<Holder>(
      `SELECT p.person_id, p.full_name, p.birth_date, p.sex, p.permanent_address, p.old_ids[1] AS old_id, c.issue_date, (w.person_id IS NOT NULL) AS wanted
         FROM registry.person p
         JOIN registry.id_card c ON c.person_id = p.person_id AND c.status = 'active' AND c.card_type <> 'CMND' AND (c.expiry_date IS NULL OR c.expiry_date > $1)
         LEFT JOIN registry.wanted_person w ON w.person_id = p.person_id AND w.active
        WHERE p.status = 'living'
        ORDER BY (w.person_id IS NOT NULL) DESC, p.person_id LIMIT 30000`,
      [today],
    );
    // About one guest in a hundred is wanted, spread through the run.
    const wantedGuests = guests.filter((guest) => guest.wanted).slice(0, 300);
    const ordinary = guests.filter((guest) => !guest.wanted);
    const mix = ordinary.map((guest, index) => (index % 100 === 50 && wantedGuests.length > 0 ? wantedGuests[(index / 100) % wantedGuests.length | 0]! : guest));
    const bodies = mix.map((guest) => ({
      qr: formatCardQr({ personId: guest.person_id, oldId: guest.old_id, fullName: guest.full_name, birthDate: guest.birth_date, sex: guest.sex, address: guest.permanent_address, issueDate: guest.issue_date }),
    }));

    const server = await startServer(database.url, config.dataDir, config.publicUrl);
    const base = `http://127.0.0.1:${server.port}`;
    try {
      // The police screen: one connected client on the live stream.
      const policeToken = await kernel.tokens.issue({ sub: 'bench-police-screen', roles: ['police'], wards: ['*'] });
      const controller = new AbortController();
      const stream = await fetch(`${base}/api/v1/presence/alerts/stream`, { headers: { authorization: `Bearer ${policeToken}` }, signal: controller.signal });
      const latencies: number[] = [];
      const reading = (async () => {
        const reader = stream.body!.getReader();
        const decoder = new TextDecoder();
        let buffer = '';
        try {
          for (;;) {
            const { value, done } = await reader.read();
            if (done) return;
            buffer += decoder.decode(value);
            let end: number;
            while ((end = buffer.indexOf('\n\n')) !== -1) {
              const event = buffer.slice(0, end);
              buffer = buffer.slice(end + 2);
              const data = /^data: (.*)$/m.exec(event);
              if (data) latencies.push(Date.now() - Date.parse((JSON.parse(data[1]!) as { raisedAt: string }).raisedAt));
            }
          }
        } catch {
          // aborted at the end of the run
        }
      })();

      let sent = 0;
      const request = (tokenIndex: number): autocannon.Request => ({
        method: 'POST',
        path: '/api/v1/presence/stay-notices',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${tokens[tokenIndex]}` },
        setupRequest: (req) => {
          const guest = bodies[sent % bodies.length]!;
          const arrivalAt = new Date(Date.now() - 30 * 60_000).toISOString();
          const departure = new Date(Date.now() + 36 * 3600_000).toISOString();
          sent += 1;
          return { ...req, body: JSON.stringify({ requestId: `bench-${process.pid}-${sent}`, arrivalAt, expectedDepartureAt: departure, room: String(100 + (sent % 300)), guests: [guest] }) };
        },
      });
      // Each autocannon connection is one hotel tablet with its own token.
      const warmup = await autocannon({ url: base, connections: operators, duration: 3, requests: tokens.map((_, index) => request(index)) });
      const result = await autocannon({ url: base, connections: operators, duration: seconds, requests: tokens.map((_, index) => request(index)) });
      await new Promise((resolve) => setTimeout(resolve, 1500));
      controller.abort();
      await reading;

      const [counts] = await kernel.db.query<{ notices: number; alerts: number }>('SELECT (SELECT count(*) FROM presence.stay_notice)::int AS notices, (SELECT count(*) FROM presence.alert)::int AS alerts');
      const errors = result.errors + result.non2xx;
      latencies.sort((a, b) => a - b);
      line(`stay notices, ${operators} concurrent operators (verified, matched, audited)`, result.requests.average, 'notices/s');
      line('  p50 / p99 latency', `${result.latency.p50} / ${result.latency.p99}`, 'ms');
      line('  errors or non-2xx', `${errors} (status codes ${JSON.stringify(result.statusCodeStats)}, socket errors ${result.errors}, timeouts ${result.timeouts})`);
      line('  notices stored (warm-up included)', counts!.notices);
      line('  alerts raised / delivered to the police screen', `${counts!.alerts} / ${latencies.length}`);
      line('  alert delivery p50 / p99', `${percentile(latencies, 50)} / ${percentile(latencies, 99)}`, 'ms');
      line('OpenCRVS published figure (context)', '200 declarations/min ≈ 3.3/s');
      if (warmup.non2xx > 0 || errors > 0) throw new Error(`${errors} notices failed: the figures would be meaningless`);
      return {
        residents: seeded.residents,
        wantedList: seeded.wanted,
        operators,
        noticesPerSecond: Math.round(result.requests.average),
        noticeP99Ms: result.latency.p99,
        errors,
        alertsRaised: counts!.alerts,
        alertsDelivered: latencies.length,
        alertP50Ms: percentile(latencies, 50),
        alertP99Ms: percentile(latencies, 99),
      };
    } finally {
      await server.stop();
    }
  } finally {
    await close();
    await database.drop();
  }
}
