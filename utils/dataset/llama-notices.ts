/** Our annotations of the github/dmca notices that concern LLaMA (facts come from the parser). */
export const LLAMA_NOTICES = [
  {
    path: '2023/03/2023-03-21-meta.md',
    llama: 'stated',
    story: 'llama-dmca-2023',
    note: 'Names LLaMA as the work. One repository is listed, but GitHub applied it to the whole fork network, taking down every copy of llama-dl.',
  },
  {
    path: '2023/04/2023-04-27-meta-counternotice.md',
    llama: 'stated',
    story: 'llama-dmca-2023',
    note: 'Disputes the 2023-03-21 notice: the downloader itself copies nothing of Meta’s, and the weights, produced by an automated process, are uncopyrightable facts.',
  },
  {
    path: '2025/04/2025-04-08-meta.md',
    llama: 'inferred',
    story: 'meta-2025',
    note: 'Cites “private code and data” and never names LLaMA; the LLaMA link is our inference from fork names such as llama4 and experiments_llama_leak.',
  },
] as const;
