import type { ReactNode } from 'react';
import { AppBar, Layout as RaLayout, TitlePortal } from 'react-admin';
import { ViewerLabel } from './ViewerLabel.tsx';

/** react-admin's app bar keeps its default toolbar, which holds the locale switcher (two locales). */
function KindlingAppBar() {
  return (
    <AppBar>
      <TitlePortal />
      <ViewerLabel />
    </AppBar>
  );
}

/** Menu labels wrap rather than end in "…": Dutch names ("Enquêtes en opbrengsten") are longer than English ones. */
const wrapMenu = {
  '& .RaMenuItemLink-root, & .MuiMenuItem-root': { whiteSpace: 'normal' },
  // react-admin puts the label in a noWrap Typography, which ellipsises whatever the item allows.
  '& .RaMenuItemLink-root .MuiTypography-noWrap': { whiteSpace: 'normal', overflow: 'visible', textOverflow: 'clip' },
};

export function Layout({ children }: { children: ReactNode }) {
  return (
    <RaLayout appBar={KindlingAppBar} sx={wrapMenu}>
      {children}
    </RaLayout>
  );
}
