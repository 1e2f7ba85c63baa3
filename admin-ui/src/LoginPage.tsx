import { Box, Typography } from '@mui/material';
import { LocalesMenuButton, Login, LoginForm, useTranslate } from 'react-admin';

/** react-admin login (inputs "username" / "password") with the console title and language switch. */
const LoginHeader = () => {
    const translate = useTranslate();
    return (
        <Box sx={{ px: 2, textAlign: 'center' }}>
            <Typography variant="h6" component="h1">
                {translate('sw.title')}
            </Typography>
            <Typography variant="body2" color="text.secondary">
                {translate('sw.login.subtitle')}
            </Typography>
            <LocalesMenuButton />
        </Box>
    );
};

export const LoginPage = () => (
    <Login>
        <LoginHeader />
        <LoginForm />
    </Login>
);
