import { inject } from 'vitest';
import { describeRoomProtocol } from './room-protocol-suite';
import { TEST_AUTH_SECRET } from './test-secret';

// The Durable Object room in real workerd, reached over loopback through `wrangler dev`.
describeRoomProtocol('partyserver in workerd', { baseUrl: () => inject('partyBaseUrl'), secret: TEST_AUTH_SECRET });
