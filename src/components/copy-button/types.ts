export interface CopyButtonProps {
	/** Text to copy, or a function returning it at the moment of copying. */
	text: string | ( () => string );
	/** Button text; "Copy" by default. Say what is copied when it helps. */
	label?: string;
	/** Called once the text is on the clipboard. */
	onCopied?: () => void;
	/** Button variant. */
	variant?: 'primary' | 'secondary' | 'tertiary';
	/** Whether the button can be used. */
	disabled?: boolean;
}
