/** `detect`: a repo page the dataset does not know, judged by the detector with its page's description and topics. */
import { expect, test } from 'vitest';
import type { RepoPanel } from '@/utils/core/model';
import { setup } from './harness';

const info = (description: string, topics: string[] = []) => ({ description, topics, readmeTitle: '' });

test('a LLaMA-related repo gets the story as context, never a notice as its own', async () => {
  const r = await setup().ask<{ data: RepoPanel }>({
    type: 'detect',
    subject: 'repo:someone/llama2-webui',
    info: info('Run Llama 2 models locally with a web UI', ['llama2']),
  });
  expect(r?.data).toMatchObject({ subject: 'repo:someone/llama2-webui', relations: ['llama'], match: { via: 'detected' }, notices: [] });
  expect(r!.data.storyNotices.map((n) => n.path)).toEqual(['2023/03/2023-03-21-meta.md']);
  expect(r!.data.threads[0]!.topics.map((t) => t.id)).toContain('fine-tunes');
});

test('look-alikes and switched-off detection get nothing', async () => {
  expect(
    await setup().ask({
      type: 'detect',
      subject: 'repo:alpacahq/alpaca-trade-api-python',
      info: info('Python client for Alpaca’s trade API', ['trading']),
    }),
  ).toMatchObject({ type: 'detect', data: null });
  expect(
    await setup({ detection: 'dataset' }).ask({ type: 'detect', subject: 'repo:someone/llama2-webui', info: info('Llama 2 web UI') }),
  ).toMatchObject({ data: null });
  expect(
    await setup({ llamaNever: ['someone/llama2-webui'] }).ask({
      type: 'detect',
      subject: 'repo:someone/llama2-webui',
      info: info('Llama 2 web UI'),
    }),
  ).toMatchObject({ data: null });
});
