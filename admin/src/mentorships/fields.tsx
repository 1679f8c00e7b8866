import { Box, Typography } from '@mui/material';
import type { MouseEvent } from 'react';
import { Link, useCreatePath } from 'react-admin';

/**
 * A member of a pair: their name linking to their profile, their job title under it. Someone
 * erased since keeps only a pseudonym, without a link.
 */
export function PersonLink({ person, name }: { person: { id: string; jobTitle?: string | null } | null; name: string }) {
  const createPath = useCreatePath();
  return (
    <Box sx={{ minWidth: 160 }}>
      {person ? (
        <Link
          to={createPath({ resource: 'people', id: person.id, type: 'show' })}
          onClick={(event: MouseEvent) => event.stopPropagation()}
          sx={{ fontWeight: 500 }}
        >
          {name}
        </Link>
      ) : (
        <Typography variant="body2" color="text.secondary">
          {name}
        </Typography>
      )}
      {person?.jobTitle && (
        <Typography variant="caption" color="text.secondary" component="div">
          {person.jobTitle}
        </Typography>
      )}
    </Box>
  );
}
