package org.nisnonlocal.maps;

import java.util.Objects;

/**
 * A 1D curve g(bias): a local spectrum G(V) or a cut g_nl(V_inj) at fixed V_det. The bias need not be uniform
 * (Nanonis multi-segment sweeps are not) but is strictly ascending; units follow {@link Units}. Immutable.
 */
public final class Spectrum
{
	private final double[] bias;
	private final double[] values;
	private final String biasName;
	private final String biasUnit;
	private final String quantity;
	private final String valueUnit;
	private final MapMetadata metadata;

	public Spectrum( final double[] bias, final double[] values, final String biasName, final String biasUnit, final String quantity, final String valueUnit, final MapMetadata metadata )
	{
		if ( bias.length != values.length )
			throw new IllegalArgumentException( "spectrum: " + bias.length + " bias values but " + values.length + " data values" );
		if ( bias.length < 2 )
			throw new IllegalArgumentException( "spectrum: needs at least 2 points, got " + bias.length );
		for ( int i = 0; i < bias.length; i++ )
		{
			if ( !Double.isFinite( bias[ i ] ) )
				throw new IllegalArgumentException( "spectrum: bias value " + ( i + 1 ) + " is " + bias[ i ] );
			if ( i > 0 && !( bias[ i ] > bias[ i - 1 ] ) )
				throw new IllegalArgumentException( "spectrum: bias is not strictly ascending at point " + ( i + 1 ) + " (" + bias[ i - 1 ] + ", " + bias[ i ] + ")" );
		}
		this.bias = bias.clone();
		this.values = values.clone();
		this.biasName = Objects.requireNonNull( biasName );
		this.biasUnit = Units.canonical( biasUnit );
		this.quantity = Objects.requireNonNull( quantity );
		this.valueUnit = Units.canonical( valueUnit );
		this.metadata = metadata == null ? MapMetadata.empty() : metadata;
	}

	public int size() { return bias.length; }

	public double bias( final int i ) { return bias[ i ]; }

	public double value( final int i ) { return values[ i ]; }

	public double[] bias() { return bias.clone(); }

	public double[] values() { return values.clone(); }

	public String biasName() { return biasName; }

	public String biasUnit() { return biasUnit; }

	public String quantity() { return quantity; }

	public String valueUnit() { return valueUnit; }

	public MapMetadata metadata() { return metadata; }

	/** True when the bias steps are equal to 1e-6 of a step. */
	public boolean isUniform()
	{
		final double step = ( bias[ bias.length - 1 ] - bias[ 0 ] ) / ( bias.length - 1 );
		for ( int i = 1; i < bias.length; i++ )
			if ( Math.abs( bias[ i ] - bias[ i - 1 ] - step ) > 1e-6 * step )
				return false;
		return true;
	}

	public Spectrum withMetadata( final MapMetadata m ) { return new Spectrum( bias, values, biasName, biasUnit, quantity, valueUnit, m ); }

	@Override
	public String toString() { return quantity + "(" + biasName + ") " + bias.length + " points " + bias[ 0 ] + " … " + bias[ bias.length - 1 ] + " " + biasUnit; }
}
