import type { Meta } from '@storybook/react-vite';
import { pageStory } from './story-kit.tsx';

export default { title: 'Pages/Not found' } satisfies Meta;

// An address the router does not know, as a mistyped or outdated link would bring.
export const UnknownAddress = pageStory('/no-such-page');
