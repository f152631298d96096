import { cleanup, configure } from '@testing-library/react';
import { afterEach } from 'vitest';

// A `findBy` ends as soon as its element shows; on a loaded machine a lazy chunk or a page's
// messages may take more than the default second to arrive.
configure({ asyncUtilTimeout: 15_000 });

afterEach(() => {
  cleanup();
  localStorage.clear();
});
