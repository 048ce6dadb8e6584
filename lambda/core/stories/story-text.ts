import type { StoryText } from '../model/classification';
import type { Story } from '../model/story';

/** What the classifier reads of a stored story; its key stands in as the id. */
export function storyTextOf(story: Story): StoryText {
  return {
    id: story.key,
    title: story.title,
    summary: story.summary,
    published: story.published,
    ...(story.link ? { link: story.link } : {}),
    source: story.source,
  };
}
