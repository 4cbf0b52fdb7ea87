#!/usr/bin/env node
// The `attendance-lens` command: runs scripts/cli.ts through tsx.
import { register } from 'tsx/esm/api';

register();
await import('../scripts/cli.ts');
